package vn.hoctap.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import vn.hoctap.citizen.Round;
import vn.hoctap.citizen.RoundCriteria;
import vn.hoctap.citizen.RoundImport;
import vn.hoctap.citizen.RoundKind;
import vn.hoctap.citizen.RoundService;
import vn.hoctap.citizen.RoundWorkflow;
import vn.hoctap.citizen.ScoreSheet;
import vn.hoctap.citizen.Subject;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.org.UnitKind;
import vn.hoctap.security.CurrentUser;

/**
 * Item 3 (issue 5): one "Công dân học tập" round of N people imported, scored and stored end to end through the
 * application's own import ({@link RoundImport#importFile}: SHA-256 of the file, streaming read, validation,
 * scoring, COPY / JDBC batches, one transaction), in the running application. The .xlsx file is generated beforehand
 * (not timed), as a school would upload it: one row per person, the template's columns. An untimed round of
 * 20,000 people runs first (JIT warm-up).
 * <p>
 * Memory: the peak of the heap in use during the import (sum of the heap pools' peaks, an upper bound, which
 * includes garbage not yet collected in this JVM's large heap), and the largest heap still in use right after a
 * garbage collection during the import — the memory the import actually needs, which is what must stay under
 * 512 MB whatever the file size.
 */
final class BulkRoundBenchmark {

  static final String ITEM = "3. bulk rounds";
  static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"};
  static final String[] MIDDLE = {"Văn", "Thị", "Minh", "Thu", "Đức", "Ngọc", "Quang", "Thanh"};
  static final String[] GIVEN = {"An", "Bình", "Cường", "Dũng", "Hà", "Hoa", "Lan", "Mai", "Nam", "Sơn", "Tâm",
      "Yến"};

  private final Report report;
  private final String db;

  BulkRoundBenchmark(Report report, String db) {
    this.report = report;
    this.db = db;
  }

  /** 100,000 and 1,000,000 people at full scale, 10,000 when tiny; -Dbench.roundSizes=100000 to choose. */
  static int[] sizes(String scale) {
    String chosen = System.getProperty("bench.roundSizes");
    if (chosen != null && !chosen.isBlank()) {
      return java.util.Arrays.stream(chosen.split(",")).mapToInt(v -> Integer.parseInt(v.strip())).toArray();
    }
    return scale.equals("full") ? new int[] {100_000, 1_000_000} : new int[] {10_000};
  }

  /** One untimed round of 20,000 people first, so that the measured ones run on compiled code, as a server does. */
  void warmUp(AppHost app) {
    try {
      run(app, 20_000, null);
    } catch (Exception | Error e) {
      System.out.println("[bench] rounds warm-up failed: " + e);
    }
  }

  void measure(AppHost app, int people) throws Exception {
    String metric = String.format(Locale.ROOT, "people imported, scored and stored per second, %,d people",
        people);
    try {
      run(app, people, metric);
    } catch (Exception | Error e) {
      report.add(Result.failed(db, ITEM, metric, "≥ 20,000 people/s", e));
    }
  }

  private void run(AppHost app, int people, String metric) throws Exception {
    OrgUnitRepository orgs = app.bean(OrgUnitRepository.class);
    String code = "BENCH-" + people + "-" + System.nanoTime() % 100000;
    orgs.save(new OrgUnit(code, "Trường đo hiệu năng " + code, OrgKind.UNIT, UnitKind.UPPER_SECONDARY, true,
        orgs.findByCode("HN").orElseThrow(), Instant.now()));
    Round round = app.bean(RoundWorkflow.class).start(RoundKind.CITIZEN, code, 2026,
        new CurrentUser("admin", List.of("hoctap-admin")));
    ScoreSheet sheet = app.bean(RoundCriteria.class).current(Subject.OFFICIAL).sheet();
    Path file = Files.createTempFile("bench-round-", ".xlsx");
    try {
      long g0 = System.nanoTime();
      write(file, sheet, people);
      double genSeconds = (System.nanoTime() - g0) / 1e9;

      System.gc();
      long baseline = heapUsed();
      List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP).toList();
      heap.forEach(MemoryPoolMXBean::resetPeakUsage);
      java.util.Set<String> heapNames = new java.util.HashSet<>(heap.stream().map(MemoryPoolMXBean::getName).toList());
      AtomicLong maxAfterGc = new AtomicLong();
      AtomicLong gcs = new AtomicLong();
      NotificationListener listener = (n, h) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
          GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
              (CompositeData) n.getUserData());
          long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
              .filter(e -> heapNames.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
          maxAfterGc.accumulateAndGet(after, Math::max);
          gcs.incrementAndGet();
        }
      };
      List<NotificationEmitter> emitters = new ArrayList<>();
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        if (gc instanceof NotificationEmitter e) {
          e.addNotificationListener(listener, null, null);
          emitters.add(e);
        }
      }
      long t0 = System.nanoTime();
      RoundImport.ImportResult result;
      try {
        result = app.bean(RoundImport.class).importFile(round.id(), Subject.OFFICIAL, file, "bench.xlsx", "admin");
      } finally {
        for (NotificationEmitter e : emitters) {
          e.removeNotificationListener(listener);
        }
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
      long stored = app.bean(RoundService.class).counts(round.id()).entries();
      if (stored != people || result.rows() != people) {
        throw new IllegalStateException("stored " + stored + " of " + people);
      }
      double rate = people / seconds;
      if (metric == null) {
        System.out.printf(Locale.ROOT, "[bench] %s warm-up round of %,d: %.0f people/s%n", db, people, rate);
        return;
      }
      String note = String.format(Locale.ROOT, "%.1f s end to end (file %,d KB, generated in %.1f s, not timed);"
          + " %,d passed, %,d failed; heap before %d MB; %d GCs during the import", seconds,
          Files.size(file) >> 10, genSeconds, result.passed(), result.failed(), baseline >> 20, gcs.get());
      report.add(Result.measured(db, ITEM, metric, rate, "people/s", "≥ 20,000 people/s", rate >= 20_000, note));
      double live = maxAfterGc.get() / 1048576.0;
      report.add(Result.measured(db, ITEM, String.format(Locale.ROOT,
          "heap still in use after each GC during the import (max), %,d people", people), live, "MB", "≤ 512 MB",
          gcs.get() == 0 ? null : live <= 512, gcs.get() == 0 ? "no GC happened during the import" : null));
      report.add(Result.measured(db, ITEM, String.format(Locale.ROOT,
          "peak heap during the import (sum of pool peaks, garbage included; -Xmx2g), %,d people", people),
          peak / 1048576.0, "MB", null, null, null));
      System.out.printf(Locale.ROOT, "[bench] %s round of %,d: %.0f people/s, peak heap %d MB, max live after GC %.0f"
          + " MB%n", db, people, rate, peak >> 20, live);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** Files the page takes: under spring.servlet.multipart.max-file-size (25 MB, about 400,000 people). */
  static final int PAGE_MAX_PEOPLE = 300_000;

  /**
   * The same import through the round page's upload, as a school's browser sends it: the team's page session posts
   * the .xlsx file as a multipart form to /dot-danh-gia/{id}/tai-len (the form's CSRF token read beforehand), and
   * the time runs until the page's redirect arrives — the file sent over loopback and parsed by the container, copied
   * to a temporary file, hashed, read, validated, scored, written, committed, and the open step's summary refreshed.
   */
  void measurePage(AppHost app, int people) {
    String metric = String.format(Locale.ROOT, "people per second through the round page's upload"
        + " (/dot-danh-gia/{id}/tai-len), %,d people", people);
    try {
      OrgUnitRepository orgs = app.bean(OrgUnitRepository.class);
      String code = "BENCH-PAGE-" + people + "-" + System.nanoTime() % 100000;
      orgs.save(new OrgUnit(code, "Trường đo hiệu năng " + code, OrgKind.UNIT, UnitKind.UPPER_SECONDARY, true,
          orgs.findByCode("HN").orElseThrow(), Instant.now()));
      String user = "bench.page." + code.toLowerCase(Locale.ROOT);
      vn.hoctap.security.IdentityProvisioning ids = app.bean(vn.hoctap.security.IdentityProvisioning.class);
      ids.ensureUserSharingPassword(user, "Đo", "Hiệu năng", user + "@bench.hoctap.vn", Province.PASSWORD);
      ids.ensureGroup("team-" + code, "team-" + code, "WORKFLOW");
      ids.ensureMembership(user, "team-" + code);
      Round round = app.bean(RoundWorkflow.class).start(RoundKind.CITIZEN, code, 2026,
          new CurrentUser(user, List.of("team-" + code)));
      ScoreSheet sheet = app.bean(RoundCriteria.class).current(Subject.OFFICIAL).sheet();
      Path file = Files.createTempFile("bench-round-page-", ".xlsx");
      try {
        write(file, sheet, people);
        BenchHttp session = BenchHttp.pageSession(app.port, user);
        String page = "/dot-danh-gia/" + round.id();
        BenchHttp.Prepared upload = session.pageUpload(page, page + "/tai-len", java.util.Map.of("nhom", "OFFICIAL"),
            "tep", "danh-sach.xlsx", file);
        long t0 = System.nanoTime();
        BenchHttp.Response r = session.send(upload);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (r.status() != 302 || !r.body().contains(page)) {
          throw new IllegalStateException("the page refused the upload: HTTP " + r.status() + " "
              + r.body().substring(0, Math.min(400, r.body().length())));
        }
        long stored = app.bean(RoundService.class).counts(round.id()).entries();
        if (stored != people) {
          throw new IllegalStateException("stored " + stored + " of " + people);
        }
        String shown = session.page(page).expect(200).body();
        if (!shown.contains("Số mục: " + people)) {
          throw new IllegalStateException("the round's page does not count " + people + " entries");
        }
        double rate = people / seconds;
        report.add(Result.measured(db, ITEM, metric, rate, "people/s", "≥ 20,000 people/s", rate >= 20_000,
            String.format(Locale.ROOT, "%.1f s from sending the %,d KB file to the page's redirect; team's page"
                + " session signed in beforehand", seconds, Files.size(file) >> 10)));
        System.out.printf(Locale.ROOT, "[bench] %s round page upload of %,d: %.0f people/s (%.1f s)%n", db, people,
            rate, seconds);
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (Exception | Error e) {
      report.add(Result.failed(db, ITEM, metric, "≥ 20,000 people/s", e));
    }
  }

  private static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** A school's list: 12-digit numbers, names, years of birth, ten scores (about one in ten people fails). */
  static void write(Path file, ScoreSheet sheet, int people) throws Exception {
    Random rnd = new Random(people);
    try (SXSSFWorkbook wb = new SXSSFWorkbook(1000)) {
      Sheet s = wb.createSheet("Danh sách");
      List<String> headers = RoundImport.headers(sheet);
      Row h = s.createRow(0);
      for (int c = 0; c < headers.size(); c++) {
        h.createCell(c).setCellValue(headers.get(c));
      }
      int n = sheet.indicators().size();
      for (int i = 1; i <= people; i++) {
        Row r = s.createRow(i);
        r.createCell(0).setCellValue(i);
        r.createCell(1).setCellValue(String.format("001%09d", i));
        r.createCell(2).setCellValue(FAMILY[rnd.nextInt(FAMILY.length)] + " " + MIDDLE[rnd.nextInt(MIDDLE.length)]
            + " " + GIVEN[rnd.nextInt(GIVEN.length)]);
        r.createCell(3).setCellValue(1960 + rnd.nextInt(45));
        for (int k = 0; k < n; k++) {
          int score = rnd.nextInt(100) == 0 ? 4 : 7 + rnd.nextInt(4);
          r.createCell(4 + k).setCellValue(score);
        }
      }
      try (OutputStream out = Files.newOutputStream(file)) {
        wb.write(out);
      }
      wb.dispose();
    }
  }
}
