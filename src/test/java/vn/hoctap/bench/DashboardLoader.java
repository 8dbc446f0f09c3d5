package vn.hoctap.bench;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.citizen.RoundCriteria;
import vn.hoctap.citizen.RoundService;
import vn.hoctap.citizen.ScoreSheet;
import vn.hoctap.citizen.Subject;
import vn.hoctap.org.UnitKind;
import vn.hoctap.report.Measure;
import vn.hoctap.report.PlanCatalog;
import vn.hoctap.security.IdentityProvisioning;

/**
 * A province for the dashboard benchmark (item 4), bulk-loaded into the application's domain tables while it runs:
 * <ul>
 *   <li>the tree: a province, districts × communes × units (each commune with {@link #COMMUNE_UNITS}' mix of
 *       schools, centres and agencies) and five villages per commune, with batched inserts;</li>
 *   <li>three years (2024–2026) of "Đơn vị học tập" dossiers per unit, with INSERT ... SELECT per district: 2024 and
 *       2025 recognised (with their recognition) or refused, 2026 open in every step, the returned and some in
 *       appraisal escalated by their deadline timer (an ESCALATED event), one SUBMITTED event per submitted dossier;
 *       no engine rows (the dashboard's join to the runtime tasks finds nothing);</li>
 *   <li>one decided "Công dân học tập" round per unit (2026, decision number and date) with {@code people} entries:
 *       12-digit identity numbers, names, years of birth, staff (OFFICIAL, some WORKER) and, in schools from upper
 *       secondary up, learners (LEARNER), scores of the subject's current sheet scored by the application's own
 *       {@link ScoreSheet#evaluate} (about 85 % pass and are recognised); then round_tally through
 *       {@link RoundService#tallyDecidedRounds()}, the statement the decision itself runs;</li>
 *   <li>plans of the province and of one district with unit, citizen, family and clan targets through
 *       {@link PlanCatalog}, and a viewer of the province (group viewer-&lt;province&gt;, not an administrator).</li>
 * </ul>
 */
final class DashboardLoader {

  static final String PROVINCE = "BM";
  static final String VIEWER = "xem.bm";
  /** The kinds of a commune's units, cycled: schools of every tier, centres, commune/district and province agencies. */
  static final UnitKind[] COMMUNE_UNITS = {
      UnitKind.PRESCHOOL, UnitKind.PRIMARY, UnitKind.DISTRICT_AGENCY, UnitKind.LOWER_SECONDARY,
      UnitKind.PRESCHOOL, UnitKind.PRIMARY, UnitKind.DISTRICT_AGENCY, UnitKind.UPPER_SECONDARY,
      UnitKind.PROVINCE_AGENCY, UnitKind.PRIMARY, UnitKind.DISTRICT_AGENCY, UnitKind.LOWER_SECONDARY,
      UnitKind.PRESCHOOL, UnitKind.DISTRICT_AGENCY, UnitKind.DISTRICT_VOCATIONAL_CONTINUING_CENTRE,
      UnitKind.PRIMARY, UnitKind.DISTRICT_AGENCY, UnitKind.MULTI_LEVEL, UnitKind.PRESCHOOL, UnitKind.PROVINCE_AGENCY,
      UnitKind.LOWER_SECONDARY, UnitKind.DISTRICT_AGENCY, UnitKind.PRIMARY, UnitKind.CONTINUING_EDUCATION_CENTRE,
      UnitKind.DISTRICT_AGENCY, UnitKind.PRESCHOOL, UnitKind.LOWER_SECONDARY, UnitKind.DISTRICT_AGENCY,
      UnitKind.UPPER_SECONDARY, UnitKind.PROVINCE_AGENCY, UnitKind.PRIMARY, UnitKind.DISTRICT_AGENCY,
      UnitKind.VOCATIONAL_SCHOOL, UnitKind.PRESCHOOL, UnitKind.DISTRICT_AGENCY, UnitKind.LOWER_SECONDARY,
      UnitKind.PROVINCE_AGENCY, UnitKind.DISTRICT_AGENCY, UnitKind.UNIVERSITY, UnitKind.DISTRICT_AGENCY};
  /** Units whose rounds also list learners (QĐ 324: from upper secondary up). */
  static final Set<UnitKind> WITH_LEARNERS = Set.of(UnitKind.UPPER_SECONDARY, UnitKind.MULTI_LEVEL,
      UnitKind.CONTINUING_EDUCATION_CENTRE, UnitKind.DISTRICT_VOCATIONAL_CONTINUING_CENTRE,
      UnitKind.VOCATIONAL_SCHOOL, UnitKind.UNIVERSITY);
  static final int VILLAGES_PER_COMMUNE = 5;
  /** Score patterns per subject: 17 of 20 pass. */
  static final int PATTERNS = 20;
  static final int FAILING_PATTERNS = 3;
  static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"};
  static final String[] MIDDLE = {"Văn", "Thị", "Minh", "Thu", "Đức", "Ngọc", "Quang", "Thanh", "Hữu", "Kim"};
  static final String[] GIVEN = {"An", "Bình", "Cường", "Dũng", "Hà", "Hoa", "Lan", "Mai", "Nam", "Sơn", "Tâm",
      "Yến", "Hùng", "Linh", "Phúc", "Trang"};

  private final AppHost app;
  private final JdbcTemplate jdbc;
  private final BenchSettings s;
  private final Timestamp now = Timestamp.from(Instant.now());
  final Map<String, Long> counts = new LinkedHashMap<>();
  final List<String> districts = new ArrayList<>();

  DashboardLoader(AppHost app, BenchSettings s) {
    this.app = app;
    this.jdbc = app.jdbc();
    this.s = s;
    if (s.dashPeople() >= 1000) {
      throw new IllegalArgumentException("bench.dashPeople: at most 999 people per unit");
    }
  }

  String path() {
    return "/" + PROVINCE + "/";
  }

  void load() {
    tree();
    helpers();
    try {
      for (String d : districts) {
        dossiers(d);
      }
      rounds();
      for (String d : districts) {
        entries(d);
      }
      step("round_tally", () -> (long) app.bean(RoundService.class).tallyDecidedRounds());
    } finally {
      for (String t : List.of("bench_seq", "bench_name", "bench_score")) {
        jdbc.execute("drop table if exists " + t);
      }
    }
    plans();
    IdentityProvisioning ids = app.bean(IdentityProvisioning.class);
    ids.ensureUser(VIEWER, "Xem", "Báo cáo", VIEWER + "@bench.hoctap.vn", Province.PASSWORD);
    ids.ensureGroup("viewer-" + PROVINCE, "Xem báo cáo — tỉnh đo hiệu năng", "WORKFLOW");
    ids.ensureMembership(VIEWER, "viewer-" + PROVINCE);
    step("analyze", () -> {
      jdbc.execute("analyze");
      return 0L;
    });
    for (String table : List.of("org_unit", "dossier", "recognition", "dossier_event", "assessment_round",
        "round_entry", "round_tally")) {
      counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
    }
  }

  private void step(String what, java.util.function.Supplier<Long> work) {
    long t0 = System.nanoTime();
    long rows = work.get();
    System.out.printf(Locale.ROOT, "[load] dashboard: %s, %,d rows in %.1f s%n", what, rows,
        (System.nanoTime() - t0) / 1e9);
  }

  // --- the tree ---------------------------------------------------------------------------------------------

  private void tree() {
    step("organisation tree", () -> {
      long rows = 0;
      insertOrgs(List.<Object[]>of(new Object[] {PROVINCE, "Tỉnh đo hiệu năng", "PROVINCE", null, null, path()}));
      long provinceId = id(PROVINCE);
      List<Object[]> ds = new ArrayList<>();
      for (int d = 1; d <= s.dashDistricts(); d++) {
        String code = String.format(Locale.ROOT, "%s-D%02d", PROVINCE, d);
        districts.add(code);
        ds.add(new Object[] {code, "Huyện đo " + d, "DISTRICT", null, provinceId, path() + code + "/"});
      }
      rows += insertOrgs(ds) + 1;
      for (String d : districts) {
        long did = id(d);
        String dpath = path() + d + "/";
        List<Object[]> cs = new ArrayList<>();
        for (int c = 1; c <= s.dashCommunes(); c++) {
          String code = String.format(Locale.ROOT, "%s-X%02d", d, c);
          cs.add(new Object[] {code, "Xã đo " + c + " (" + d + ")", "COMMUNE", null, did, dpath + code + "/"});
        }
        rows += insertOrgs(cs);
        Map<String, Long> communeIds = new LinkedHashMap<>();
        jdbc.query("select code, id from org_unit where parent_id = ?", rs -> {
          communeIds.put(rs.getString(1), rs.getLong(2));
        }, did);
        List<Object[]> units = new ArrayList<>();
        for (Object[] c : cs) {
          String ccode = (String) c[0];
          long cid = communeIds.get(ccode);
          String cpath = (String) c[5];
          for (int u = 1; u <= s.dashUnits(); u++) {
            UnitKind kind = COMMUNE_UNITS[(u - 1) % COMMUNE_UNITS.length];
            String code = String.format(Locale.ROOT, "%s-U%02d", ccode, u);
            units.add(new Object[] {code, kind.label() + " số " + u + " — " + c[1], "UNIT", kind.name(), cid,
                cpath + code + "/"});
          }
          for (int v = 1; v <= VILLAGES_PER_COMMUNE; v++) {
            String code = ccode + "-T" + v;
            units.add(new Object[] {code, "Thôn đo " + v + " — " + c[1], "VILLAGE", null, cid, cpath + code + "/"});
          }
        }
        rows += insertOrgs(units);
      }
      return rows;
    });
  }

  private int insertOrgs(List<Object[]> rows) {
    List<Object[]> withTime = rows.stream().map(r -> new Object[] {r[0], r[1], r[2], r[3], r[4], r[5], now})
        .toList();
    for (int i = 0; i < withTime.size(); i += 1000) {
      jdbc.batchUpdate("insert into org_unit (code, name, kind, unit_kind, public_unit, parent_id, path, created_at)"
          + " values (?, ?, ?, ?, true, ?, ?, ?)", withTime.subList(i, Math.min(withTime.size(), i + 1000)));
    }
    return rows.size();
  }

  private long id(String code) {
    return jdbc.queryForObject("select id from org_unit where code = ?", Long.class, code);
  }

  // --- helper tables: numbers, names, scored answers ---------------------------------------------------------

  private void helpers() {
    jdbc.execute("create table bench_seq (n int primary key)");
    List<Object[]> seq = new ArrayList<>();
    for (int n = 1; n <= Math.max(3, s.dashPeople()); n++) {
      seq.add(new Object[] {n});
    }
    jdbc.batchUpdate("insert into bench_seq (n) values (?)", seq);
    jdbc.execute("create table bench_name (k int primary key, name varchar(200) not null)");
    List<Object[]> names = new ArrayList<>();
    Random rnd = new Random(7);
    for (int k = 0; k < 997; k++) {
      names.add(new Object[] {k, FAMILY[rnd.nextInt(FAMILY.length)] + " " + MIDDLE[rnd.nextInt(MIDDLE.length)] + " "
          + GIVEN[rnd.nextInt(GIVEN.length)]});
    }
    jdbc.batchUpdate("insert into bench_name (k, name) values (?, ?)", names);
    jdbc.execute("create table bench_score (subject varchar(20) not null, k int not null, criteria_id bigint not null,"
        + " scores varchar(1000) not null, total numeric(7, 2) not null, passed boolean not null,"
        + " explanation varchar(1000), primary key (subject, k))");
    RoundCriteria criteria = app.bean(RoundCriteria.class);
    List<Object[]> patterns = new ArrayList<>();
    for (Subject subject : List.of(Subject.OFFICIAL, Subject.WORKER, Subject.LEARNER)) {
      RoundCriteria.Stored sheet = criteria.current(subject);
      int n = sheet.sheet().indicators().size();
      for (int k = 0; k < PATTERNS; k++) {
        BigDecimal[] scores = new BigDecimal[n];
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
          BigDecimal max = sheet.sheet().indicators().get(i).max();
          // passing answers: 80–100 % of each indicator's points; failing: one indicator at 4, or 70 % overall
          int score = k < PATTERNS - FAILING_PATTERNS ? max.intValue() - rnd.nextInt(max.intValue() / 5 + 1)
              : k == PATTERNS - FAILING_PATTERNS && i == n - 1 ? 4 : max.intValue() * 7 / 10;
          scores[i] = BigDecimal.valueOf(score);
          text.append(i == 0 ? "" : ";").append(score);
        }
        ScoreSheet.Score scored = sheet.sheet().evaluate(scores, null);
        if (scored.passed() != k < PATTERNS - FAILING_PATTERNS) {
          throw new IllegalStateException("score pattern " + k + " of " + subject + ": " + scored);
        }
        patterns.add(new Object[] {subject.name(), k, sheet.id(), text.toString(), scored.total(), scored.passed(),
            scored.explanation()});
      }
    }
    jdbc.batchUpdate("insert into bench_score (subject, k, criteria_id, scores, total, passed, explanation)"
        + " values (?, ?, ?, ?, ?, ?, ?)", patterns);
  }

  // --- dossiers, recognitions, events ----------------------------------------------------------------------

  private static String kinds(java.util.function.Predicate<UnitKind> which) {
    StringBuilder sb = new StringBuilder();
    for (UnitKind k : UnitKind.values()) {
      if (which.test(k)) {
        sb.append(sb.isEmpty() ? "" : ", ").append('\'').append(k.name()).append('\'');
      }
    }
    return "(" + sb + ")";
  }

  private void dossiers(String district) {
    long did = id(district);
    long pid = id(PROVINCE);
    long setId = jdbc.queryForObject("select min(id) from criteria_set_version", Long.class);
    String provinceTier = kinds(k -> k.assessmentTier() == UnitKind.Tier.PROVINCE);
    String like = path() + district + "/%";
    step("dossiers of " + district, () -> (long) jdbc.update("insert into dossier (title, unit_id, level,"
        + " assessment_year, status, criteria_set_id, receiving_org_id, signer_org_id, signer_title, decision_code,"
        + " open_key, submitted_at, created_by, created_at, updated_at)"
        + " select 'LEARNING_UNIT', u.id, 1, 2023 + y.n, case when y.n < 3 then (case when mod(u.id + y.n, 3) = 0"
        + " then 'REFUSED' else 'RECOGNISED' end) else (case mod(u.id, 10) when 0 then 'RETURNED' when 1 then"
        + " 'RETURNED' when 2 then 'SUBMITTED' when 3 then 'SUBMITTED' when 4 then 'SUBMITTED' when 5 then"
        + " 'IN_APPRAISAL' when 6 then 'IN_APPRAISAL' when 7 then 'AWAITING_DECISION' else 'PREPARING' end) end,"
        + " ?, case when u.unit_kind in " + provinceTier + " then ? else ? end,"
        + " case when u.unit_kind in " + provinceTier + " then ? else ? end,"
        + " case when u.unit_kind in " + provinceTier + " then 'Chủ tịch UBND tỉnh' else 'Chủ tịch UBND huyện' end,"
        + " 'QĐ-UBND', case when y.n = 3 then 'LEARNING_UNIT:' || cast(u.id as varchar(20)) || ':2026' end,"
        + " case when y.n < 3 or mod(u.id, 10) < 8 then cast(? as timestamp) end, 'bench', cast(? as timestamp),"
        + " cast(? as timestamp)"
        + " from org_unit u join bench_seq y on y.n <= 3 where u.path like ? and u.kind = 'UNIT'",
        setId, pid, did, pid, did, now, now, now, like));
    step("recognitions of " + district, () -> (long) jdbc.update("insert into recognition (dossier_id, unit_id,"
        + " title, level, assessment_year, decision_no, decision_date, decision_year, signer_org_id, signer_title,"
        + " signed_by, valid_until, created_at) select d.id, d.unit_id, d.title, 1, d.assessment_year,"
        + " cast(d.id as varchar(20)) || '/QĐ-UBND', case when d.assessment_year = 2024"
        + " then cast('2025-02-10' as date) else cast('2026-02-10' as date) end, d.assessment_year + 1,"
        + " d.signer_org_id, d.signer_title, 'bench', case when d.assessment_year = 2024"
        + " then cast('2027-12-31' as date) else cast('2028-12-31' as date) end, d.created_at"
        + " from dossier d join org_unit u on u.id = d.unit_id where d.status = 'RECOGNISED' and u.path like ?",
        like));
    step("dossier events of " + district, () -> (long) jdbc.update("insert into dossier_event (dossier_id,"
        + " occurred_at, actor, action, step, comment) select d.id, d.created_at, 'bench', 'SUBMITTED',"
        + " 'Xem xét, quyết định trình hồ sơ', 'Tờ trình' from dossier d join org_unit u on u.id = d.unit_id"
        + " where d.submitted_at is not null and u.path like ?", like)
        + jdbc.update("insert into dossier_event (dossier_id, occurred_at, actor, action, step, comment)"
        + " select d.id, d.updated_at, 'hệ thống', 'ESCALATED', 'Kiểm tra tính đầy đủ của hồ sơ',"
        + " 'Quá hạn xử lý, báo cấp trên' from dossier d join org_unit u on u.id = d.unit_id"
        + " where d.open_key is not null and (d.status = 'RETURNED' or (d.status = 'IN_APPRAISAL'"
        + " and mod(d.id, 3) = 0)) and u.path like ?", like));
  }

  // --- rounds and their entries --------------------------------------------------------------------------------

  private void rounds() {
    step("rounds", () -> (long) jdbc.update("insert into assessment_round (kind, org_id, assessment_year, status,"
        + " decider_org_id, decider_title, decision_no, decision_date, decided_by, created_by, created_at,"
        + " updated_at, closed_at, row_version) select 'CITIZEN', u.id, 2026, 'RECOGNISED', u.id,"
        + " 'Thủ trưởng ' || u.name, cast(mod(u.id, 97) + 1 as varchar(10)) || '/QĐ-' || u.code,"
        + " case mod(u.id, 4) when 0 then cast('2026-05-20' as date) when 1 then cast('2026-06-15' as date)"
        + " when 2 then cast('2026-09-30' as date) else cast('2026-11-10' as date) end, 'bench', 'bench',"
        + " cast(? as timestamp), cast(? as timestamp), cast(? as timestamp), 3"
        + " from org_unit u where u.path like ? and u.kind = 'UNIT'", now, now, now, path() + "%"));
  }

  private void entries(String district) {
    int people = s.dashPeople();
    int learnersFrom = people / 2 + 1;
    int learnerWorkersFrom = people * 2 / 5 + 1;
    int workersFrom = people * 4 / 5 + 1;
    step("round entries of " + district, () -> (long) jdbc.update("insert into round_entry (round_id, subject,"
        + " identity_no, full_name, birth_year, criteria_id, scores, total, passed, explanation, judgement,"
        + " recognised, updated_by, updated_at)"
        + " select r.id, sc.subject, '0' || lpad(cast(r.id * 1000 + q.n as varchar(20)), 11, '0'), nm.name,"
        + " case when sc.subject = 'LEARNER' then 2004 + mod(r.id + q.n, 7) else 1965 + mod(r.id * 3 + q.n, 36) end,"
        + " sc.criteria_id, sc.scores, sc.total, sc.passed, sc.explanation, null, sc.passed, 'bench', r.closed_at"
        + " from assessment_round r join org_unit u on u.id = r.org_id join bench_seq q on q.n <= ?"
        + " join bench_name nm on nm.k = mod(r.id * 31 + q.n * 17, 997)"
        + " join bench_score sc on sc.k = mod(r.id * 7 + q.n * 13, " + PATTERNS + ") and sc.subject = case"
        + " when u.unit_kind in " + kinds(WITH_LEARNERS::contains) + " then (case when q.n >= ? then 'LEARNER'"
        + " when q.n >= ? then 'WORKER' else 'OFFICIAL' end) when q.n >= ? then 'WORKER' else 'OFFICIAL' end"
        + " where u.path like ? and r.kind = 'CITIZEN'", people, learnersFrom, learnerWorkersFrom, workersFrom,
        path() + district + "/%"));
  }

  // --- plans and the viewer -------------------------------------------------------------------------------------

  private void plans() {
    PlanCatalog plans = app.bean(PlanCatalog.class);
    long so = plans.createPlan("BM-SGD", "Kế hoạch xây dựng xã hội học tập ngành Giáo dục tỉnh đo hiệu năng"
        + " giai đoạn 2025–2030", "Sở Giáo dục và Đào tạo tỉnh đo hiệu năng", PROVINCE, 2025, 2030, "benchmark");
    Set<Subject> sector = Set.of(Subject.OFFICIAL, Subject.WORKER, Subject.LEARNER);
    Set<Subject> staff = Set.of(Subject.OFFICIAL, Subject.WORKER);
    plans.addTarget(so, Measure.LEARNING_CITIZEN, "Cán bộ, giáo viên, nhân viên, học sinh, học viên", "UNIT",
        "EDUCATION", sector, 97.0, null, "≥ 97 % hằng năm", true);
    plans.addTarget(so, Measure.LEARNING_UNIT, "Các đơn vị trong ngành", "UNIT", "EDUCATION", null, 100.0, null,
        null, true);
    plans.addTarget(so, Measure.LEARNING_UNIT, "Đơn vị cấp tỉnh", "UNIT", "PROVINCE", null, 100.0, null, null, true);
    long tinh = plans.createPlan("BM-UBND", "Kế hoạch xây dựng xã hội học tập tỉnh đo hiệu năng năm 2026",
        "UBND tỉnh đo hiệu năng", PROVINCE, 2026, 2026, "benchmark");
    plans.addTarget(tinh, Measure.LEARNING_CITIZEN, "Cán bộ, công chức, viên chức, người lao động", null, null,
        staff, 55.0, 2026, null, true);
    plans.addTarget(tinh, Measure.LEARNING_CITIZEN, "Người dân", null, null, Set.of(Subject.RESIDENT), 35.0, 2026,
        null, true);
    plans.addTarget(tinh, Measure.LEARNING_FAMILY, "Gia đình", null, null, Set.of(Subject.FAMILY), 65.0, 2026, null,
        true);
    plans.addTarget(tinh, Measure.LEARNING_CLAN, "Dòng họ", null, null, Set.of(Subject.CLAN), 60.0, 2026, null,
        true);
    plans.addTarget(tinh, Measure.LEARNING_UNIT, "Cơ quan, trường học, doanh nghiệp", "UNIT", null, null, 70.0,
        2026, null, true);
    plans.addTarget(tinh, Measure.LEARNING_COMMUNITY, "Xã, phường", "COMMUNE", null, null, 50.0, 2026, null, true);
    plans.addTarget(tinh, Measure.DIGITAL_SKILLS, "Người dân", null, null, null, 60.0, 2026, null, true);
    long huyen = plans.createPlan("BM-D01", "Kế hoạch xây dựng xã hội học tập của Phòng GDĐT " + districts.get(0),
        "Phòng Giáo dục và Đào tạo " + districts.get(0), districts.get(0), 2025, 2030, "benchmark");
    plans.addTarget(huyen, Measure.LEARNING_CITIZEN, "Cán bộ, nhà giáo, nhân viên ngành giáo dục", "UNIT",
        "EDUCATION", staff, 100.0, 2026, null, true);
    plans.addTarget(huyen, Measure.LEARNING_UNIT, "Các đơn vị ngành giáo dục", "UNIT", "EDUCATION", null, 100.0,
        2026, null, true);
  }
}
