package vn.hoctap.citizen;

import static vn.hoctap.process.AssessmentRoundProcess.*;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.hoctap.common.Dates;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.common.Throwables;
import vn.hoctap.common.xlsx.XlsxFile;
import vn.hoctap.common.xlsx.XlsxRefused;
import vn.hoctap.dossier.DossierAccess;
import vn.hoctap.dossier.StepForm;
import vn.hoctap.dossier.StepForms;
import vn.hoctap.engine.EngineQueries;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.web.Page;
import vn.hoctap.web.PersonNames;

/**
 * Đợt đánh giá in the browser (Công dân học tập, Gia đình học tập, Dòng họ học tập, thôn): the rounds of the user's
 * bodies, opening one, and the one place of a round — where it stands and who holds it, the open step's form for the
 * person who may do it (rendered like every step form, {@link StepForms}), the template and the upload of the list
 * with every refused row as a table, the list of people and households with their scores, results and reasons
 * (filtered, searched, paged; the reviewer returns entries with a reason on their row), the counts, the history in
 * words and the list of those recognised. Reading follows the API's rule: the round's body, the bodies above it and
 * the deciding body; anyone else gets 404.
 */
@Page
class RoundPages {

  static final int PAGE_SIZE = 50;
  static final String REASON = "ly-do-";
  static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
  private static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  /** Result filters of the list: the page's word and the service's. */
  static final Map<String, String> FILTERS = new LinkedHashMap<>();

  static {
    FILTERS.put("dat", "passed");
    FILTERS.put("khong-dat", "failed");
    FILTERS.put("tra-lai", "returned");
    FILTERS.put("cong-nhan", "recognised");
  }

  static final Map<String, String> SENTENCES = Map.ofEntries(
      Map.entry("OPENED", "đã mở đợt đánh giá"),
      Map.entry("IMPORTED", "đã nhập danh sách từ tệp"),
      Map.entry("ENTRY_ADDED", "đã nhập một người / hộ vào danh sách"),
      Map.entry("ENTRY_CORRECTED", "đã sửa một mục của danh sách"),
      Map.entry("SUBMITTED", "đã gửi danh sách xét duyệt"),
      Map.entry("RETURNED", "đã trả lại các mục cần sửa"),
      Map.entry("RESUBMITTED", "đã sửa các mục bị trả lại, gửi xét duyệt lại"),
      Map.entry("APPROVED", "đã duyệt toàn bộ danh sách, trình quyết định công nhận"),
      Map.entry("RECOGNISED", "đã ký quyết định công nhận"),
      Map.entry("REFUSED", "đã quyết định không công nhận đợt đánh giá"));

  /** Events recorded outside a process step: their sentence says it all, no "(bước …)" after it. */
  static final Set<String> OUTSIDE_STEPS = Set.of("OPENED", "IMPORTED", "ENTRY_ADDED", "ENTRY_CORRECTED");

  /** One round of the list page. */
  record Line(long id, String title, String org, int year, String status, String step, RoundService.Counts counts) {}

  /** One body and kind of round the user may open. */
  record Choice(String value, String label) {}

  /** The open step's form for the person who may do it. */
  record StepView(String taskId, String name, boolean review, List<StepForms.Shown> fields, List<String> problems,
      String message) {}

  /** One person or household of the list. */
  record Row(String subject, String identity, String name, String birthYear, String total, String result,
      boolean passed, boolean recognised, String why, String returnReason, String scores, String typedReason,
      boolean selfAssessed) {}

  /** One line of the history. */
  record HistoryLine(String at, String who, String sentence, String step, String comment, String details) {}

  /** A population of the round, for the template links and the upload's choice. */
  record SubjectOption(String value, String label, String file) {}

  /** The upload part of the page: what was refused, in words and row by row. */
  record Upload(String message, List<String> general, List<RoundImport.CellError> rows, long total, String annotated,
      String subject) {

    static Upload none() {
      return new Upload(null, List.of(), List.of(), 0, null, null);
    }
  }

  private final RoundService rounds;
  private final RoundWorkflow workflow;
  private final RoundImport imports;
  private final DossierAccess access;
  private final OrgUnitRepository orgs;
  private final StepForms forms;
  private final EngineQueries engine;
  private final TaskService tasks;
  private final FormService formService;
  private final HistoryService history;
  private final PersonNames names;
  private final EngineClock clock;
  private final long maxBytes;

  RoundPages(RoundService rounds, RoundWorkflow workflow, RoundImport imports, DossierAccess access,
      OrgUnitRepository orgs, StepForms forms, EngineQueries engine, TaskService tasks, FormService formService,
      HistoryService history, PersonNames names, EngineClock clock,
      @Value("${spring.servlet.multipart.max-file-size}") DataSize maxFile) {
    this.maxBytes = maxFile.toBytes();
    this.rounds = rounds;
    this.workflow = workflow;
    this.imports = imports;
    this.access = access;
    this.orgs = orgs;
    this.forms = forms;
    this.engine = engine;
    this.tasks = tasks;
    this.formService = formService;
    this.history = history;
    this.names = names;
    this.clock = clock;
  }

  // ---------------------------------------------------------------- the list of rounds

  @GetMapping("/dot-danh-gia")
  String list(@RequestParam(name = "nam", required = false) Integer year, Model model) {
    CurrentUser user = CurrentUser.get();
    List<Round> found = rounds.list(user.admin() ? null : access.visiblePaths(user), year, 100);
    Map<String, String> steps = new HashMap<>();
    if (!found.isEmpty()) {
      String[] keys = found.stream().map(r -> RoundWorkflow.businessKey(r.id())).toArray(String[]::new);
      engine.asSystem(() -> tasks.createTaskQuery().processInstanceBusinessKeyIn(keys).list()).forEach(t ->
          steps.merge(t.getProcessInstanceId(), t.getName(), (a, b) -> a + ", " + b));
    }
    List<Line> lines = found.stream().map(r -> new Line(r.id(), r.kind().label(), r.orgName(), r.assessmentYear(),
        r.status().label(), r.processInstanceId() == null ? null : steps.get(r.processInstanceId()),
        rounds.counts(r.id()))).toList();
    model.addAttribute("lines", lines);
    model.addAttribute("year", year);
    model.addAttribute("canOpen", !choices(user).isEmpty());
    return "citizen/dot-danh-gia";
  }

  // ---------------------------------------------------------------- opening a round

  /** The bodies where the user prepares rounds: a unit's or a village's Tổ đánh giá, a commune's UBND staff. */
  List<Choice> choices(CurrentUser user) {
    List<Choice> out = new ArrayList<>();
    for (String group : user.groups()) {
      if (!group.startsWith("team-") && !group.startsWith("committee-")) {
        continue;
      }
      String code = group.substring(group.indexOf('-') + 1);
      OrgUnit org = orgs.findByCode(code).filter(o -> !o.isDissolved()).orElse(null);
      if (org == null) {
        continue;
      }
      for (RoundKind kind : RoundKind.values()) {
        try {
          RoundRoute route = RoundRoute.of(kind, org);
          if (route.preparerGroup().equals(group)) {
            out.add(new Choice(kind.name() + ":" + code, choiceLabel(kind, org, route)));
          }
        } catch (DomainException notThisKind) {
          // this body does not hold rounds of that kind
        }
      }
    }
    return out;
  }

  private static String choiceLabel(RoundKind kind, OrgUnit org, RoundRoute route) {
    String who = String.join(", ", route.subjects().stream().map(s -> s.label().toLowerCase(java.util.Locale.ROOT))
        .toList());
    return (kind == RoundKind.CITIZEN ? "Công dân học tập" : "Gia đình học tập, Dòng họ học tập (thôn)") + " — "
        + org.getName() + " (" + who + ")";
  }

  @GetMapping("/dot-danh-gia/moi")
  String openForm(Model model) {
    List<Choice> choices = choices(CurrentUser.get());
    return showOpen(model, choices.size() == 1 ? choices.get(0).value() : null,
        String.valueOf(clock.today().getYear()), List.of());
  }

  @PostMapping("/dot-danh-gia/moi")
  String open(@RequestParam(name = "dot", required = false) String choice,
      @RequestParam(name = "nam", required = false) String year, Model model, RedirectAttributes redirect,
      HttpServletResponse response) {
    CurrentUser user = CurrentUser.get();
    List<String> problems = new ArrayList<>();
    Choice chosen = choices(user).stream().filter(c -> c.value().equals(choice)).findFirst().orElse(null);
    if (chosen == null) {
      problems.add("Hãy chọn đơn vị và loại đợt đánh giá trong danh sách.");
    }
    Integer y = null;
    try {
      y = Integer.valueOf(year == null ? "" : year.strip());
    } catch (NumberFormatException e) {
      problems.add("Năm đánh giá phải là số có 4 chữ số, ví dụ " + clock.today().getYear() + ".");
    }
    if (problems.isEmpty()) {
      String[] parts = chosen.value().split(":", 2);
      try {
        Round r = workflow.start(RoundKind.valueOf(parts[0]), parts[1], y, user);
        redirect.addFlashAttribute("done", "Đã mở " + r.describe().substring(0, 1).toLowerCase(java.util.Locale.ROOT)
            + r.describe().substring(1) + ". Bước tiếp theo: tải mẫu, điền danh sách và tải lên.");
        return "redirect:/dot-danh-gia/" + r.id();
      } catch (RuntimeException e) {
        DomainException refused = Throwables.find(e, DomainException.class);
        if (refused == null) {
          throw e;
        }
        problems.add(refused.getMessage());
        problems.addAll(refused.details());
      }
    }
    response.setStatus(400);
    return showOpen(model, choice, year, problems);
  }

  private String showOpen(Model model, String choice, String year, List<String> problems) {
    model.addAttribute("choices", choices(CurrentUser.get()));
    model.addAttribute("dot", choice);
    model.addAttribute("nam", year);
    List<Integer> years = new ArrayList<>();
    for (int y = clock.today().getYear(); y >= 2023; y--) {
      years.add(y);
    }
    model.addAttribute("years", years);
    model.addAttribute("problems", problems);
    return "citizen/dot-moi";
  }

  // ---------------------------------------------------------------- the round's page

  @GetMapping("/dot-danh-gia/{id}")
  String round(@PathVariable long id, @RequestParam(name = "ket-qua", required = false) String filter,
      @RequestParam(name = "tim", required = false) String search,
      @RequestParam(name = "trang", required = false, defaultValue = "1") int pageNo,
      @RequestParam(name = "qua-dung-luong", required = false) Integer oversizeMb, Model model) {
    Round r = readable(id);
    List<Task> open = openTasks(r);
    // a plain form's file over the limit, sent back here by dossier/OversizeEvidenceUpload before it was read
    Upload upload = oversizeMb == null || oversizeMb <= maxBytes / (1024 * 1024) ? Upload.none()
        : new Upload("Tệp danh sách (khoảng " + oversizeMb + " MB) vượt giới hạn " + (maxBytes / (1024 * 1024))
            + " MB nên chưa được nhận, chưa lưu gì:", List.of("Hãy chia danh sách thành nhiều tệp nhỏ hơn "
            + (maxBytes / (1024 * 1024)) + " MB (mỗi tệp một phần danh sách, cùng mẫu) rồi tải lên lần lượt."),
            List.of(), 0, null, null);
    StepView step = null;
    for (Task t : open) {
      if (mayWork(t)) {
        StepForm form = forms.get(formId(t));
        if (form != null) {
          step = new StepView(t.getId(), t.getName(), TASK_REVIEW.equals(t.getTaskDefinitionKey()),
              forms.show(form, variables(t, r), null, Map.of()), List.of(), null);
        }
        break;
      }
    }
    return page(r, open, step, Map.of(), upload, filter, search, pageNo, model);
  }

  @PostMapping("/dot-danh-gia/{id}/buoc/{taskId}")
  String submit(@PathVariable long id, @PathVariable String taskId, @RequestParam Map<String, String> params,
      Model model, RedirectAttributes redirect, HttpServletResponse response) {
    Round r = readable(id);
    List<Task> open = openTasks(r);
    String filter = params.get("ket-qua");
    String search = params.get("tim");
    int pageNo = pageNumber(params.get("trang"));
    Task task = open.stream().filter(t -> t.getId().equals(taskId)).findFirst().orElse(null);
    if (task == null) {
      String done = doneBy(taskId);
      if (done == null) {
        throw DomainException.notFound("Không tìm thấy bước này của đợt đánh giá số " + id + ".");
      }
      response.setStatus(409);
      model.addAttribute("notice", done + " Những gì bạn vừa nhập chưa được lưu; hãy xem lại đợt đánh giá dưới đây.");
      return page(r, open, null, Map.of(), Upload.none(), filter, search, pageNo, model);
    }
    CurrentUser user = CurrentUser.get();
    if (!mayWork(task)) {
      response.setStatus(403);
      model.addAttribute("notice", "Bạn không được giao bước «" + task.getName() + "» của đợt đánh giá này nên không"
          + " thể thực hiện nó. Chưa có gì được lưu.");
      return page(r, open, null, Map.of(), Upload.none(), filter, search, pageNo, model);
    }
    StepForm form = forms.get(formId(task));
    if (form == null) {
      throw DomainException.notFound("Bước này không có biểu mẫu.");
    }
    Map<String, Object> vars = variables(task, r);
    Map<String, String> typed = forms.typed(form, vars, params);
    Map<String, String> reasons = rowReasons(params);
    if (task.getAssignee() != null && !task.getAssignee().equals(user.id())) {
      response.setStatus(409);
      return again(r, open, task, form, vars, typed, reasons, Map.of(), List.of(), "Bước này đang do "
          + names.of(task.getAssignee()) + " xử lý nên bạn chưa thể gửi. Những gì bạn nhập vẫn còn dưới đây;"
          + " chưa có gì được lưu.", filter, search, pageNo, model);
    }
    StepForms.Converted converted = forms.convert(form, vars, withRowReasons(typed, reasons, task));
    if (!converted.problems().isEmpty()) {
      response.setStatus(400);
      return again(r, open, task, form, vars, typed, reasons, converted.problems(), List.of(), null, filter, search,
          pageNo, model);
    }
    if (params.containsKey("sua")) {
      return again(r, open, task, form, vars, typed, reasons, Map.of(), List.of(), null, filter, search, pageNo,
          model);
    }
    if (!params.containsKey("xacNhan") && TASK_DECIDE.equals(task.getTaskDefinitionKey())
        && REFUSE.equals(converted.values().get(VAR_DECISION))) {
      RoundService.Counts c = rounds.counts(r.id());
      Object why = converted.values().get(FIELD_COMMENT);
      String consequence = "Đợt đánh giá sẽ KẾT THÚC và KHÔNG được công nhận: không ai trong " + c.entries()
          + " người / hộ của danh sách (" + c.passed() + " đạt) được công nhận"
          + (why == null || why.toString().isBlank() ? "." : ", với lý do: «" + why.toString().strip() + "».");
      model.addAttribute("c", new StepForms.Confirmation(task.getName(), "đợt đánh giá số " + r.id(), r.describe(),
          consequence, "/dot-danh-gia/" + r.id() + "/buoc/" + task.getId(), typed));
      return StepForms.Confirmation.TEMPLATE;
    }
    boolean claimed = false;
    try {
      if (task.getAssignee() == null) {
        tasks.claim(task.getId(), user.id());
        claimed = true;
      }
      formService.submitTaskForm(task.getId(), converted.values());
    } catch (RuntimeException e) {
      if (claimed) {
        release(task.getId(), user.id());
      }
      DomainException refusal = Throwables.find(e, DomainException.class);
      if (refusal != null) {
        response.setStatus(400);
        StepForms.Refusal shownAs = forms.refusal(refusal, form, vars);
        return again(readable(id), openTasks(r), task, form, vars, typed, reasons, shownAs.byField(),
            shownAs.general(), null, filter, search, pageNo, model);
      }
      if (Throwables.find(e, TaskAlreadyClaimedException.class) != null
          || Throwables.find(e, OptimisticLockingException.class) != null || stillOpen(task.getId()) == null) {
        response.setStatus(409);
        Task now = stillOpen(task.getId());
        if (now == null) {
          model.addAttribute("notice", doneBy(task.getId()) + " Những gì bạn vừa nhập chưa được lưu.");
          return page(readable(id), openTasks(r), null, Map.of(), Upload.none(), filter, search, pageNo, model);
        }
        return again(r, openTasks(r), now, form, vars, typed, reasons, Map.of(), List.of(), "Bước «" + task.getName()
            + "» vừa được " + names.of(now.getAssignee()) + " nhận xử lý. Những gì bạn nhập vẫn còn dưới đây;"
            + " chưa có gì được lưu.", filter, search, pageNo, model);
      }
      throw e;
    }
    redirect.addFlashAttribute("done", "Đã hoàn thành bước «" + task.getName() + "».");
    return "redirect:/dot-danh-gia/" + id;
  }

  /** The reasons typed on the rows of the list ("ly-do-&lt;số định danh&gt;"), non-blank ones only. */
  static Map<String, String> rowReasons(Map<String, String> params) {
    Map<String, String> out = new LinkedHashMap<>();
    params.forEach((k, v) -> {
      if (k.startsWith(REASON) && v != null && !v.isBlank()) {
        out.put(k.substring(REASON.length()), v.strip().replaceAll("\\s+", " "));
      }
    });
    return out;
  }

  /** For the review step: the rows' reasons join the typed list of returned entries, one line each. */
  static Map<String, String> withRowReasons(Map<String, String> typed, Map<String, String> reasons, Task task) {
    if (reasons.isEmpty() || !TASK_REVIEW.equals(task.getTaskDefinitionKey()) || !typed.containsKey(FIELD_RETURN_LIST)) {
      return typed;
    }
    Map<String, String> out = new LinkedHashMap<>(typed);
    StringBuilder list = new StringBuilder(typed.get(FIELD_RETURN_LIST).strip());
    reasons.forEach((id, why) -> list.append(list.length() == 0 ? "" : "\n").append(id).append(": ").append(why));
    out.put(FIELD_RETURN_LIST, list.toString());
    return out;
  }

  private String again(Round r, List<Task> open, Task task, StepForm form, Map<String, Object> vars,
      Map<String, String> typed, Map<String, String> reasons, Map<String, List<String>> byField, List<String> general,
      String message, String filter, String search, int pageNo, Model model) {
    List<String> problems = new ArrayList<>(general);
    if (general.isEmpty() && !byField.isEmpty()) {
      problems.add("Chưa lưu gì. Hãy sửa các ô được đánh dấu:");
    }
    byField.values().forEach(problems::addAll);
    StepView step = new StepView(task.getId(), task.getName(), TASK_REVIEW.equals(task.getTaskDefinitionKey()),
        forms.show(form, vars, typed, byField), problems, message);
    return page(r, open, step, reasons, Upload.none(), filter, search, pageNo, model);
  }

  private String page(Round r, List<Task> open, StepView step, Map<String, String> reasons, Upload upload,
      String filter, String search, int pageNo, Model model) {
    CurrentUser user = CurrentUser.get();
    RoundRoute route = rounds.route(r);
    model.addAttribute("r", r);
    model.addAttribute("route", route);
    model.addAttribute("deciderOrg", route.deciderOrg().getName());
    model.addAttribute("steps", open.stream().map(Task::getName).distinct().toList());
    model.addAttribute("holders", open.stream().map(t -> holders(t, r, route)).distinct().toList());
    model.addAttribute("createdBy", names.of(r.createdBy()));
    model.addAttribute("createdAt", AT.format(r.createdAt().atZone(EngineClock.ZONE)));
    model.addAttribute("decisionDate", Dates.vn(r.decisionDate()));
    model.addAttribute("decidedBy", r.decidedBy() == null ? null : names.of(r.decidedBy()));
    model.addAttribute("counts", rounds.counts(r.id()));
    model.addAttribute("step", step);

    boolean preparer = user.admin() || user.inAny(route.preparerGroup());
    model.addAttribute("canUpload", preparer && r.status() == RoundStatus.PREPARING);
    model.addAttribute("subjects", route.subjects().stream().map(s -> new SubjectOption(s.name(), s.label(),
        null)).toList());
    model.addAttribute("upload", upload);
    model.addAttribute("maxBytes", maxBytes);
    model.addAttribute("maxLabel", (maxBytes / (1024 * 1024)) + " MB");

    String f = FILTERS.containsKey(filter) ? filter : "";
    String q = search == null ? "" : search.strip();
    long found = rounds.countEntries(r.id(), FILTERS.get(f), q);
    int pages = (int) Math.max(1, (found + PAGE_SIZE - 1) / PAGE_SIZE);
    int current = Math.min(Math.max(1, pageNo), pages);
    boolean returning = step != null && step.review();
    List<Row> rows = new ArrayList<>();
    for (RoundEntry e : rounds.entries(r.id(), FILTERS.get(f), q, (current - 1) * PAGE_SIZE, PAGE_SIZE)) {
      rows.add(row(e, reasons.get(e.identityNo())));
    }
    model.addAttribute("rows", rows);
    model.addAttribute("filter", f);
    model.addAttribute("search", q);
    model.addAttribute("found", found);
    model.addAttribute("pageNo", current);
    model.addAttribute("pages", pages);
    model.addAttribute("returning", returning);
    model.addAttribute("manySubjects", route.subjects().size() > 1);
    model.addAttribute("citizen", r.kind() == RoundKind.CITIZEN);
    model.addAttribute("history", history(r.id()));
    return "citizen/dot";
  }

  private static Row row(RoundEntry e, String typedReason) {
    String result = e.recognised() ? "Được công nhận" : e.passed() ? "Đạt" : "Không đạt";
    String scores = e.scores().entrySet().stream().map(s -> s.getKey() + ": " + ScoreSheet.plain(s.getValue()))
        .collect(Collectors.joining("; "));
    if (e.judgement() != null) {
      ScoreSheet.Judgement j = ScoreSheet.Judgement.parse(e.judgement());
      scores += "; nhận định: " + (j == null ? e.judgement() : j.label());
    }
    return new Row(e.subject().label(), e.identityNo(), e.fullName(), e.birthYear() == null ? "" : e.birthYear()
        .toString(), ScoreSheet.plain(e.total()), result, e.passed(), e.recognised(), e.explanation(),
        e.returnReason(), scores, typedReason, e.selfAssessed());
  }

  private List<HistoryLine> history(long roundId) {
    List<Map<String, Object>> events = rounds.history(roundId);
    Map<String, String> people = names.of(events.stream().map(e -> (String) e.get("actor")).toList());
    return events.stream().map(e -> {
      String actor = (String) e.get("actor");
      Object at = e.get("occurred_at");
      String when = at instanceof Timestamp ts ? AT.format(ts.toInstant().atZone(EngineClock.ZONE))
          : at instanceof java.time.OffsetDateTime o ? AT.format(o.atZoneSameInstant(EngineClock.ZONE))
          : String.valueOf(at);
      String action = (String) e.get("action");
      return new HistoryLine(when, vn.hoctap.engine.Actors.SYSTEM.equals(actor) ? "Hệ thống"
          : people.getOrDefault(actor, actor == null ? "" : "Người dùng đã bị xoá"),
          SENTENCES.getOrDefault(action, "đã cập nhật đợt đánh giá"), OUTSIDE_STEPS.contains(action) ? null
              : (String) e.get("step"),
          (String) e.get("comment"), (String) e.get("details"));
    }).toList();
  }

  // ---------------------------------------------------------------- template, upload, downloads

  @GetMapping("/dot-danh-gia/{id}/mau")
  ResponseEntity<StreamingResponseBody> template(@PathVariable long id,
      @RequestParam(name = "nhom", required = false) String subject) {
    Round r = readable(id);
    Subject s = subjectOf(r, subject);
    if (s == null) {
      throw DomainException.notFound("Đợt đánh giá này không có nhóm đó: hãy chọn mẫu trên trang của đợt.");
    }
    return xlsx("mau-danh-sach-" + slug(s) + ".xlsx", out -> imports.template(s, out));
  }

  @PostMapping("/dot-danh-gia/{id}/tai-len")
  String upload(@PathVariable long id, @RequestParam(name = "nhom", required = false) String subject,
      @RequestParam(name = "tep", required = false) MultipartFile file, Model model, RedirectAttributes redirect,
      HttpServletResponse response) throws IOException {
    Round r = readable(id);
    CurrentUser user = CurrentUser.get();
    RoundRoute route = rounds.route(r);
    if (!user.admin() && !user.inAny(route.preparerGroup())) {
      throw DomainException.forbidden("Chỉ người lập danh sách của " + r.orgName() + " (" + route.preparerRole()
          + ") mới tải danh sách lên.");
    }
    Subject s = subjectOf(r, subject);
    List<String> general = new ArrayList<>();
    if (s == null) {
      general.add("Hãy chọn nhóm của danh sách (" + String.join("; ", route.subjects().stream().map(Subject::label)
          .toList()) + ").");
    }
    if (file == null || file.isEmpty()) {
      general.add("Hãy chọn tệp danh sách (.xlsx) đã điền theo mẫu.");
    }
    if (!general.isEmpty()) {
      return refused(r, new Upload("Chưa tải lên được, chưa lưu gì:", general, List.of(), 0, null, subject),
          response, 400, model);
    }
    String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "danh-sach.xlsx"
        : file.getOriginalFilename();
    Path tmp = Files.createTempFile("round-page-import-", ".xlsx");
    RoundImport.ImportResult result;
    try {
      file.transferTo(tmp);
      result = imports.importFile(r.id(), s, tmp, name, user.id());
    } catch (RoundImport.Rejected e) {
      return refused(r, new Upload("Tệp \"" + name + "\" có " + e.total() + " lỗi nên chưa lưu dòng nào. Hãy sửa"
          + " từng ô dưới đây trong tệp rồi tải lên lại cả tệp.", List.of(), e.errors(), e.total(),
          "/dot-danh-gia/" + id + "/tep-danh-dau/" + e.sha256(), subject), response, 400, model);
    } catch (DomainException e) {
      if (e.kind() == DomainException.Kind.NOT_FOUND || e.kind() == DomainException.Kind.FORBIDDEN) {
        throw e;
      }
      List<RoundImport.CellError> at = new ArrayList<>();
      List<String> lines = new ArrayList<>();
      if (e instanceof XlsxRefused x && x.row() > 0 && x.cell() != null) {
        at.add(new RoundImport.CellError(x.row(), XlsxFile.column(x.cell()), "", e.getMessage()));
      }
      lines.addAll(e.details());
      return refused(r, new Upload("Tệp \"" + name + "\" không được nhận, chưa lưu dòng nào: " + e.getMessage(),
          lines, at, at.size(), null, subject), response, e.kind() == DomainException.Kind.CONFLICT ? 409 : 400,
          model);
    } finally {
      Files.deleteIfExists(tmp);
    }
    workflow.refreshOpenStep(r.id());
    redirect.addFlashAttribute("uploaded", result.alreadyImported()
        ? "Tệp \"" + name + "\" đã được nhập vào đợt này trước đây (" + result.rows() + " dòng); không lưu lần thứ"
            + " hai."
        : "Đã nhập " + result.rows() + " " + result.subject().label().toLowerCase(java.util.Locale.ROOT)
            + " từ tệp \"" + name + "\": " + result.passed() + " đạt, " + result.failed() + " không đạt.");
    return "redirect:/dot-danh-gia/" + id + "#danh-sach";
  }

  private String refused(Round r, Upload upload, HttpServletResponse response, int status, Model model) {
    response.setStatus(status);
    List<Task> open = openTasks(r);
    StepView step = null;
    for (Task t : open) {
      if (mayWork(t)) {
        StepForm form = forms.get(formId(t));
        if (form != null) {
          step = new StepView(t.getId(), t.getName(), TASK_REVIEW.equals(t.getTaskDefinitionKey()),
              forms.show(form, variables(t, r), null, Map.of()), List.of(), null);
        }
        break;
      }
    }
    return page(r, open, step, Map.of(), upload, null, null, 1, model);
  }

  @GetMapping("/dot-danh-gia/{id}/tep-danh-dau/{sha}")
  ResponseEntity<StreamingResponseBody> annotated(@PathVariable long id, @PathVariable String sha) {
    Round r = readable(id);
    Path p = imports.annotated(r.id(), sha);
    return xlsx("danh-sach-can-sua.xlsx", out -> Files.copy(p, out));
  }

  @GetMapping("/dot-danh-gia/{id}/danh-sach-cong-nhan")
  ResponseEntity<StreamingResponseBody> recognised(@PathVariable long id) {
    Round r = readable(id);
    if (r.status() != RoundStatus.RECOGNISED) {
      throw DomainException.rule("Đợt đánh giá chưa có quyết định công nhận (" + r.status().label() + ").");
    }
    return xlsx("danh-sach-cong-nhan-dot-" + id + ".xlsx", out -> imports.recognisedList(r, out));
  }

  private static Subject subjectOf(Round r, String value) {
    for (Subject s : Subject.values()) {
      if (s.name().equals(value) && s.kind() == r.kind()) {
        return s;
      }
    }
    return null;
  }

  static String slug(Subject s) {
    return switch (s) {
      case RESIDENT -> "nguoi-dan";
      case WORKER -> "nguoi-lao-dong";
      case OFFICIAL -> "can-bo-cong-chuc-vien-chuc";
      case LEARNER -> "nguoi-hoc";
      case FAMILY -> "gia-dinh";
      case CLAN -> "dong-ho";
      case VILLAGE -> "thon";
    };
  }

  private static ResponseEntity<StreamingResponseBody> xlsx(String fileName, Writer writer) {
    return ResponseEntity.ok().contentType(XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
        .body(writer::write);
  }

  @FunctionalInterface
  private interface Writer {
    void write(OutputStream out) throws IOException;
  }

  // ---------------------------------------------------------------- jurisdiction and the engine

  /** The round if the user works for its body, a body above it, or its deciding body; 404 otherwise. */
  private Round readable(long id) {
    Round r = rounds.get(id);
    CurrentUser user = CurrentUser.get();
    if (user.admin()) {
      return r;
    }
    for (String p : access.visiblePaths(user)) {
      if (r.orgPath().startsWith(p) || r.deciderPath().equals(p)) {
        return r;
      }
    }
    throw DomainException.notFound("Không tìm thấy đợt đánh giá số " + id + ".");
  }

  private List<Task> openTasks(Round r) {
    if (r.processInstanceId() == null) {
      return List.of();
    }
    return engine.asSystem(() -> tasks.createTaskQuery().processInstanceId(r.processInstanceId())
        .initializeFormKeys().orderByTaskCreateTime().asc().list());
  }

  private Task stillOpen(String taskId) {
    return engine.asSystem(() -> tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult());
  }

  private static String formId(Task t) {
    return t.getCamundaFormRef() == null ? null : t.getCamundaFormRef().getKey();
  }

  private List<String> candidateGroups(Task t) {
    return engine.asSystem(() -> tasks.getIdentityLinksForTask(t.getId())).stream()
        .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null).map(IdentityLink::getGroupId)
        .toList();
  }

  private boolean mayWork(Task t) {
    CurrentUser user = CurrentUser.get();
    if (user.id().equals(t.getAssignee())) {
      return true;
    }
    return candidateGroups(t).stream().anyMatch(user.groups()::contains);
  }

  /** Who holds the step, in words: the role and body, and the person who took it. */
  private String holders(Task t, Round r, RoundRoute route) {
    String who = switch (t.getTaskDefinitionKey()) {
      case TASK_REVIEW -> route.reviewerRole() + " — " + r.orgName();
      case TASK_DECIDE -> route.deciderRole() + " — " + route.deciderOrg().getName();
      default -> route.preparerRole() + " — " + r.orgName();
    };
    return t.getAssignee() == null ? who : names.of(t.getAssignee()) + " (đã nhận xử lý) — " + who;
  }

  /** The task's variables, with the round's summary and returned entries read afresh for the page. */
  private Map<String, Object> variables(Task t, Round r) {
    Map<String, Object> vars = new HashMap<>(engine.asSystem(() -> tasks.getVariables(t.getId())));
    if (vars.containsKey(FIELD_SUMMARY)) {
      vars.put(FIELD_SUMMARY, rounds.stepSummary(r.id()));
    }
    if (vars.containsKey(FIELD_RETURNED)) {
      vars.put(FIELD_RETURNED, rounds.returnedText(r.id()));
    }
    return vars;
  }

  private String doneBy(String taskId) {
    HistoricTaskInstance h = engine.asSystem(() -> history.createHistoricTaskInstanceQuery().taskId(taskId)
        .singleResult());
    if (h == null || h.getEndTime() == null) {
      return null;
    }
    return "Bước «" + h.getName() + "» đã được " + (h.getAssignee() == null ? "người khác" : names.of(h.getAssignee()))
        + " hoàn thành lúc " + AT.format(h.getEndTime().toInstant().atZone(EngineClock.ZONE)) + ".";
  }

  private void release(String taskId, String userId) {
    try {
      engine.asSystem(() -> {
        Task t = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (t != null && userId.equals(t.getAssignee())) {
          tasks.setAssignee(taskId, null);
        }
        return null;
      });
    } catch (RuntimeException ignored) {
      // the task moved on meanwhile; nothing of ours to undo
    }
  }

  private static int pageNumber(String s) {
    try {
      return s == null ? 1 : Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
