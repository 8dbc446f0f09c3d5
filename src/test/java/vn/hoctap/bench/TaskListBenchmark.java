package vn.hoctap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Item 2: the reviewer's task list over HTTP as phonggd (group reviewer-HN-TT, Phòng GDĐT Thanh Trì) with the
 * engine's authorization checks on, while the database holds the province's open tasks and finished instances
 * (see {@link ProvinceLoader}). Each call is timed on the client:
 * <ol>
 *   <li>the Tasklist's call for the shared filter "Tất cả việc tôi được xem" (CamundaSetup): POST
 *       .../filter/{id}/list?firstResult=0&amp;maxResults=15 with the Tasklist's body (newest first) and
 *       Accept: application/hal+json, which returns the page and the filter's count — once as the Tasklist in the
 *       browser makes it (its own /camunda/api/engine path, logged in once, session cookie and CSRF token: the
 *       issue's target), once through the REST API with HTTP Basic (a bcrypt check on every request);</li>
 *   <li>the same for the filter "Việc của nhóm tôi (chưa ai nhận)" (candidate groups of the user);</li>
 *   <li>the plain candidate-group query GET /engine-rest/task?candidateGroups=reviewer-HN-TT (page of 15);</li>
 *   <li>a baseline: HTTP Basic login + GET /engine-rest/version, the floor of any REST API call.</li>
 * </ol>
 * Sampling is capped in time (a call that takes seconds gets fewer samples, never fewer than 10).
 */
final class TaskListBenchmark {

  static final String ITEM = "2. reviewer task list";
  static final String USER = "phonggd";
  static final String GROUP = "reviewer-HN-TT";
  static final String ALL_FILTER = "Tất cả việc tôi được xem";
  static final String GROUP_FILTER = "Việc của nhóm tôi (chưa ai nhận)";
  static final long WARMUP_NANOS = 10_000_000_000L;
  static final long SAMPLE_NANOS = 30_000_000_000L;
  static final int MIN_SAMPLES = 10;

  private final BenchSettings s;
  private final Report report;
  private final String db;

  TaskListBenchmark(BenchSettings s, Report report, String db) {
    this.s = s;
    this.report = report;
    this.db = db;
  }

  void measure(AppHost app, long openTasks) {
    BenchHttp http = new BenchHttp(app.port);
    long totalOpen = app.jdbc().queryForObject("select count(*) from ACT_RU_TASK", Long.class);
    long visible = app.jdbc().queryForObject("select count(*) from ACT_RU_IDENTITYLINK where GROUP_ID_ = ?"
        + " and TYPE_ = 'candidate'", Long.class, GROUP);
    long history = app.jdbc().queryForObject("select count(*) from ACT_HI_PROCINST where END_TIME_ is not null",
        Long.class);
    String scenario = String.format(Locale.ROOT, "%,d open tasks", openTasks);
    String context = String.format(Locale.ROOT, "%,d open tasks in all, %,d of them %s's; %,d finished instances",
        totalOpen, visible, USER, history);

    Stats login = time(() -> http.get(USER, "/engine-rest/version").expect(200).status());
    add("baseline: HTTP Basic login (bcrypt) + GET /engine-rest/version, " + scenario, login, null, null);

    Map<String, Object> tasklistBody = new LinkedHashMap<>();
    tasklistBody.put("processVariables", List.of());
    tasklistBody.put("taskVariables", List.of());
    tasklistBody.put("caseInstanceVariables", List.of());
    tasklistBody.put("sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc")));
    tasklistBody.put("active", true);
    for (String filter : List.of(ALL_FILTER, GROUP_FILTER)) {
      JsonNode found = http.get(USER, "/engine-rest/filter?name=" + URLEncoder.encode(filter, StandardCharsets.UTF_8))
          .expect(200).json();
      if (found.isEmpty()) {
        report.add(Result.failed(db, ITEM, "Tasklist filter \"" + filter + "\", " + scenario, null,
            new IllegalStateException("no such filter in CamundaSetup")));
        continue;
      }
      String path = "/engine-rest/filter/" + found.get(0).get("id").asText() + "/list?firstResult=0&maxResults=15";
      JsonNode first = http.postHal(USER, path, tasklistBody).expect(200).json();
      long count = first.path("count").asLong(-1);
      if (count != visible) {
        throw new IllegalStateException(USER + " sees " + count + " tasks in \"" + filter + "\", " + visible
            + " carry " + GROUP);
      }
      Stats page = time(() -> http.postHal(USER, path, tasklistBody).expect(200).status());
      add("REST API, HTTP Basic: filter \"" + filter + "\" (page of 15 + count, HAL), " + scenario, page, null, null);
      // the same call as the Tasklist in the browser makes it: its own API path, logged in once (session cookie)
      BenchHttp tasklist = BenchHttp.tasklistSession(app.port, USER);
      String webPath = "/camunda/api/engine/engine/default" + path.substring("/engine-rest".length());
      long seen = tasklist.sessionPostHal(webPath, tasklistBody).expect(200).json().path("count").asLong(-1);
      if (seen != visible) {
        throw new IllegalStateException("the Tasklist shows " + USER + " " + seen + " tasks, expected " + visible);
      }
      Stats web = time(() -> tasklist.sessionPostHal(webPath, tasklistBody).expect(200).status());
      boolean target = filter.equals(ALL_FILTER);
      add("Tasklist (session): filter \"" + filter + "\" (page of 15 + count, HAL), " + scenario, web,
          target ? "p95 ≤ 100 ms at 100,000" : null, target && openTasks >= 100_000 ? web.p95Ms() <= 100 : null)
          .with("visible", visible).with("openTasks", totalOpen).with("finishedInstances", history)
          .with("context", context);
    }
    inbox(app, visible, scenario, openTasks);
    Stats candidate = time(() -> http.get(USER, "/engine-rest/task?candidateGroups=" + GROUP
        + "&sortBy=created&sortOrder=desc&firstResult=0&maxResults=15").expect(200).status());
    add("REST API, HTTP Basic: GET /engine-rest/task?candidateGroups=" + GROUP + " (page of 15), " + scenario,
        candidate, null, null);
  }

  static final java.util.regex.Pattern INBOX_ALL =
      java.util.regex.Pattern.compile("id=\"pham-vi-all\".*?class=\"count\">(\\d+)<",
          java.util.regex.Pattern.DOTALL);

  static final java.util.regex.Pattern INBOX_OVERDUE =
      java.util.regex.Pattern.compile("id=\"so-qua-han\">(\\d+)<");

  /**
   * hoctap's own inbox "Việc cần làm" (/viec-can-lam, InboxService) as the reviewer's browser loads it, logged in
   * once: the page of 15 in its default order — by due date, soonest first (the dated tasks paged in the query,
   * the undated ones only after them) — its dossiers in one query, the counts of the three tabs and of the overdue
   * ones (due date before now), and the bell in the header. Then the overdue filter, a step filter, newest first,
   * and the notifications page. The tab and overdue counts of the page are checked against the engine's tables.
   */
  private void inbox(AppHost app, long visible, String scenario, long openTasks) {
    long overdue = app.jdbc().queryForObject("select count(*) from ACT_RU_TASK t join ACT_RU_IDENTITYLINK i"
        + " on i.TASK_ID_ = t.ID_ where i.GROUP_ID_ = ? and i.TYPE_ = 'candidate' and t.DUE_DATE_ < ?", Long.class,
        GROUP, new java.sql.Timestamp(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().getTime()));
    BenchHttp pages = BenchHttp.pageSession(app.port, USER);
    String html = pages.page("/viec-can-lam").expect(200).body();
    java.util.regex.Matcher m = INBOX_ALL.matcher(html);
    if (!m.find() || Long.parseLong(m.group(1)) != visible) {
      throw new IllegalStateException("the inbox shows " + USER + " " + (m.find(0) ? m.group(1) : "no count")
          + " tasks, expected " + visible);
    }
    java.util.regex.Matcher late = INBOX_OVERDUE.matcher(html);
    if (!late.find() || Long.parseLong(late.group(1)) != overdue) {
      throw new IllegalStateException("the inbox counts " + (late.find(0) ? late.group(1) : "no") + " overdue"
          + " tasks of " + USER + ", expected " + overdue);
    }
    String target = "p95 ≤ 100 ms at 100,000";
    Stats all = time(() -> pages.page("/viec-can-lam").expect(200).status());
    add("hoctap inbox /viec-can-lam, by due date (page of 15 + 4 counts + bell, HTML), " + scenario, all, target,
        met(all, openTasks)).with("visible", visible).with("overdue", overdue);
    Stats late1 = time(() -> pages.page("/viec-can-lam?qua-han=1").expect(200).status());
    add(String.format(Locale.ROOT, "hoctap inbox /viec-can-lam?qua-han=1 (overdue filter: %,d of %,d), ", overdue,
        visible) + scenario, late1, target, met(late1, openTasks))
        .with("overdue", overdue);
    Stats step = time(() -> pages.page("/viec-can-lam?buoc=Task_CheckCompleteness").expect(200).status());
    add("hoctap inbox /viec-can-lam?buoc=Task_CheckCompleteness (step filter), " + scenario, step, null, null);
    Stats newest = time(() -> pages.page("/viec-can-lam?sap-xep=moi-nhat").expect(200).status());
    add("hoctap inbox /viec-can-lam?sap-xep=moi-nhat (newest first), " + scenario, newest, null, null);
    Stats bell = time(() -> pages.page("/thong-bao").expect(200).status());
    add("hoctap notifications /thong-bao (page of 20 + unread count), " + scenario, bell, null, null);
  }

  /** Whether the target is met: only judged at 100,000 open tasks. */
  private static Boolean met(Stats st, long openTasks) {
    return openTasks >= 100_000 ? Boolean.valueOf(st.p95Ms() <= 100) : null;
  }

  private Result add(String metric, Stats st, String target, Boolean met) {
    return report.add(Result.measured(db, ITEM, metric + ": p95", st.p95Ms(), "ms", target, met,
        String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, %d samples", st.p50Ms(), st.p99Ms(), st.count()))
        .with("stats", st));
  }

  private Stats time(Supplier<Integer> call) {
    long start = System.nanoTime();
    for (int i = 0; i < s.listWarmup() && System.nanoTime() - start < WARMUP_NANOS; i++) {
      call.get();
    }
    long[] nanos = new long[s.listSamples()];
    int n = 0;
    start = System.nanoTime();
    while (n < nanos.length && (n < MIN_SAMPLES || System.nanoTime() - start < SAMPLE_NANOS)) {
      long t0 = System.nanoTime();
      call.get();
      nanos[n++] = System.nanoTime() - t0;
    }
    return Stats.of(java.util.Arrays.copyOf(nanos, n));
  }
}
