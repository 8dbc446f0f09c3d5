package vn.hoctap.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.hoctap.admin.Administration;
import vn.hoctap.citizen.Round;
import vn.hoctap.citizen.RoundKind;
import vn.hoctap.citizen.RoundService;
import vn.hoctap.citizen.RoundWorkflow;
import vn.hoctap.citizen.Subject;
import vn.hoctap.common.EngineClock;
import vn.hoctap.criteria.CriteriaSet;
import vn.hoctap.criteria.Indicator;
import vn.hoctap.criteria.IndicatorInput;
import vn.hoctap.deadline.DeadlineKind;
import vn.hoctap.deadline.DeadlineRule;
import vn.hoctap.deadline.DeadlineService;
import vn.hoctap.dossier.Dossier;
import vn.hoctap.dossier.DossierService;
import vn.hoctap.dossier.EvidenceService;
import vn.hoctap.dossier.KnownValues;
import vn.hoctap.dossier.Title;
import vn.hoctap.org.AuthorityRule;
import vn.hoctap.org.AuthorityRuleRepository;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.org.UnitKind;
import vn.hoctap.org.UnitProfile;
import vn.hoctap.procedure.AppraisalCouncils;
import vn.hoctap.process.AssessmentRoundProcess;
import vn.hoctap.process.IndicatorPreview;
import vn.hoctap.process.LearningCommunityProcess;
import vn.hoctap.process.LearningUnitProcess;
import vn.hoctap.process.RecognitionProcess;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.security.IdentityProvisioning;

/**
 * Each title at each tier with the indicators of TT24 and TT25 as written (issue 19), in a province of its own so
 * that the other demo data and walkthroughs stay as they are: Tỉnh Lào Cai (with its district tier, as in 2024) and
 * Tỉnh Yên Bái. For every title and tier one dossier is recognised and one waits at the self-assessment with an
 * evidence file per indicator and the values hoctap already knows filled in (rounds of "Công dân học tập",
 * recognised communes and districts). Among them an economic organisation (a cooperative, TT24: no
 * foreign-language ratio) and a commune in a difficult area (TT25: lower thresholds). Everything goes through the
 * engine and the services the pages use, as the demo users would; each dossier, round and unit is made once.
 * The whole-suite tests (profile "test") leave it out unless {@code hoctap.demo.dossiers} is true.
 */
@Component
@Order(50)
@ConditionalOnProperty(name = "hoctap.demo.enabled", havingValue = "true")
public class TierDemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(TierDemoData.class);

  public static final String PROVINCE = "LCI";
  public static final String RECOGNISED_PROVINCE = "YBA";
  public static final String DISTRICT_RECOGNISED = "LCI-BX";
  public static final String DISTRICT_OPEN = "LCI-SP";
  public static final String COMMUNE_DIFFICULT = "LCI-BX-YT";
  public static final String COMMUNE_RECOGNISED = "LCI-SP-TV";
  public static final String COOPERATIVE = "LCI-BX-HTX01";
  public static final String SCHOOL_RECOGNISED = "LCI-BX-TH01";
  public static final String COLLEGE = "LCI-CD01";
  public static final String COMPANY_RECOGNISED = "LCI-DN01";

  private static final String ADMIN = "admin";
  private static final String LU = Title.LEARNING_UNIT.name();
  private static final String LC = Title.LEARNING_COMMUNITY.name();

  private final Administration admin;
  private final OrgUnitRepository orgs;
  private final AuthorityRuleRepository authority;
  private final DeadlineService deadlines;
  private final IdentityProvisioning provisioning;
  private final IdentityService identity;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final DossierService dossiers;
  private final EvidenceService evidence;
  private final RoundService rounds;
  private final RoundWorkflow roundWorkflow;
  private final EngineClock clock;
  private final JdbcTemplate jdbc;
  private final Environment env;

  TierDemoData(Administration admin, OrgUnitRepository orgs, AuthorityRuleRepository authority,
      DeadlineService deadlines, IdentityProvisioning provisioning, IdentityService identity, RuntimeService runtime,
      TaskService tasks, DossierService dossiers, EvidenceService evidence, RoundService rounds,
      RoundWorkflow roundWorkflow, EngineClock clock, JdbcTemplate jdbc, Environment env) {
    this.admin = admin;
    this.orgs = orgs;
    this.authority = authority;
    this.deadlines = deadlines;
    this.provisioning = provisioning;
    this.identity = identity;
    this.runtime = runtime;
    this.tasks = tasks;
    this.dossiers = dossiers;
    this.evidence = evidence;
    this.rounds = rounds;
    this.roundWorkflow = roundWorkflow;
    this.clock = clock;
    this.jdbc = jdbc;
    this.env = env;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!env.getProperty("hoctap.demo.dossiers", Boolean.class, true)) {
      return;
    }
    long started = System.nanoTime();
    if (orgs.findByCode(PROVINCE).isEmpty()) {
      createOrganisations();
      createRules();
    }
    createUsers();
    int year = clock.today().getYear();
    // rounds first: the open dossiers' forms are filled in from them when their self-assessment step opens
    round(COOPERATIVE, "todanhgia.htx", "hoidong.htx", "giamdoc.htx", year - 1, Subject.WORKER, 24, 0);
    round(COLLEGE, "todanhgia.cd", "hoidong.cd", "hieutruong.cd", year - 1, Subject.OFFICIAL, 20, 60);
    round(COMMUNE_DIFFICULT, "ubnd.yty", "hoidong.yty", "chutich.yty", year - 1, Subject.RESIDENT, 40, 0);
    // recognised first, so that the district's and the province's open dossiers count them
    recognisedUnit(SCHOOL_RECOGNISED, "todanhgia.thbx", "hieutruong.thbx", "phonggd.bx", "chutich.bx", year);
    recognisedUnit(COMPANY_RECOGNISED, "todanhgia.dn", "giamdoc.dn", "sogd.lc", "chutichtinh.lc", year);
    recognisedCommunity(COMMUNE_RECOGNISED, "ubnd.tavan", "phonggd.sp", "truongphong.sp", year);
    recognisedCommunity(DISTRICT_RECOGNISED, "ubnd.bx", "sogd.lc", "giamdocso.lc", year);
    recognisedCommunity(RECOGNISED_PROVINCE, "ubndtinh.yb", "bogd", "botruong", year);
    openAtSelfAssessment(LearningUnitProcess.KEY, COOPERATIVE, "todanhgia.htx", year);
    openAtSelfAssessment(LearningUnitProcess.KEY, COLLEGE, "todanhgia.cd", year);
    openAtSelfAssessment(LearningCommunityProcess.KEY, COMMUNE_DIFFICULT, "ubnd.yty", year);
    openAtSelfAssessment(LearningCommunityProcess.KEY, DISTRICT_OPEN, "ubnd.sp", year);
    openAtSelfAssessment(LearningCommunityProcess.KEY, PROVINCE, "ubndtinh.lc", year);
    log.info("Demo dossiers of each title and tier (Lào Cai, Yên Bái) ready in {} ms",
        (System.nanoTime() - started) / 1_000_000);
  }

  // the tree, the routing, the users ////////////////////////////////////////////////////////////////////////////

  private void createOrganisations() {
    org(PROVINCE, "Tỉnh Lào Cai", OrgKind.PROVINCE, null, null, true);
    org(DISTRICT_RECOGNISED, "Huyện Bát Xát", OrgKind.DISTRICT, null, PROVINCE, true);
    org(COMMUNE_DIFFICULT, "Xã Y Tý", OrgKind.COMMUNE, null, DISTRICT_RECOGNISED, true);
    admin.setDifficultArea(ADMIN, COMMUNE_DIFFICULT, true, "Dữ liệu trình diễn: xã được ghi thuộc vùng khó khăn để"
        + " minh họa ngưỡng riêng của TT25 (không phải căn cứ thật; quản trị viên ghi số, ngày văn bản thật)");
    org(DISTRICT_OPEN, "Thị xã Sa Pa", OrgKind.DISTRICT, null, PROVINCE, true);
    org(COMMUNE_RECOGNISED, "Xã Tả Van", OrgKind.COMMUNE, null, DISTRICT_OPEN, true);
    org("LCI-SP-BH", "Xã Bản Hồ", OrgKind.COMMUNE, null, DISTRICT_OPEN, true);
    org(COOPERATIVE, "Hợp tác xã Chè Shan tuyết Y Tý", OrgKind.UNIT, UnitKind.DISTRICT_ECONOMIC,
        DISTRICT_RECOGNISED, false);
    org(SCHOOL_RECOGNISED, "Trường Tiểu học Bát Xát", OrgKind.UNIT, UnitKind.PRIMARY, DISTRICT_RECOGNISED, true);
    org(COLLEGE, "Trường Cao đẳng Lào Cai", OrgKind.UNIT, UnitKind.VOCATIONAL_SCHOOL, PROVINCE, true);
    org(COMPANY_RECOGNISED, "Công ty cổ phần Du lịch Sa Pa", OrgKind.UNIT, UnitKind.PROVINCE_ECONOMIC, PROVINCE,
        false);
    org(RECOGNISED_PROVINCE, "Tỉnh Yên Bái", OrgKind.PROVINCE, null, null, true);
  }

  private void org(String code, String name, OrgKind kind, UnitKind unitKind, String parent, boolean pub) {
    admin.createOrgUnit(ADMIN, new Administration.NewOrgUnit(code, name, kind, unitKind, pub, parent));
  }

  /** As for the demo's Hà Nội: a province with its district tier (TT24 Điều 10, TT25). */
  private void createRules() {
    for (String code : List.of(PROVINCE, RECOGNISED_PROVINCE)) {
      Long p = orgs.findByCode(code).orElseThrow().getId();
      authority.save(new AuthorityRule(p, LU, UnitKind.Tier.PROVINCE, OrgKind.PROVINCE, "Sở GDĐT",
          OrgKind.PROVINCE, "signer", "Chủ tịch UBND tỉnh", "QĐ-UBND", false,
          "Người ký cấp tỉnh do tỉnh cấu hình (chờ xác nhận văn bản)"));
      authority.save(new AuthorityRule(p, LU, UnitKind.Tier.DISTRICT, OrgKind.DISTRICT, "Phòng GDĐT",
          OrgKind.DISTRICT, "signer", "Chủ tịch UBND huyện", "QĐ-UBND", true, "TT 24/2023/TT-BGDĐT, Điều 10"));
      authority.save(new AuthorityRule(p, LC, UnitKind.Tier.COMMUNE, OrgKind.DISTRICT, "Phòng GDĐT",
          OrgKind.DISTRICT, "director", "Trưởng phòng GDĐT", "QĐ-PGDĐT", true, "TT 25/2023/TT-BGDĐT"));
      authority.save(new AuthorityRule(p, LC, UnitKind.Tier.DISTRICT, OrgKind.PROVINCE, "Sở GDĐT",
          OrgKind.PROVINCE, "director", "Giám đốc Sở GDĐT", "QĐ-SGDĐT", true, "TT 25/2023/TT-BGDĐT"));
      authority.save(new AuthorityRule(p, LC, UnitKind.Tier.PROVINCE, OrgKind.NATION, "Bộ GDĐT",
          OrgKind.NATION, "signer", "Bộ trưởng Bộ GDĐT", "QĐ-BGDĐT", true, "TT 25/2023/TT-BGDĐT"));
      deadlines.saveRule(new DeadlineRule(LU, UnitKind.Tier.PROVINCE, DeadlineKind.DECISION, p, null, 2, 15, 1, 7,
          "Cấu hình của tỉnh: văn bản chưa quy định hạn quyết định cho đơn vị cấp tỉnh", false));
      String configured = "Cấu hình của tỉnh: văn bản chưa quy định hạn cho hồ sơ cấp tỉnh gửi Bộ GDĐT";
      deadlines.saveRule(new DeadlineRule(LC, UnitKind.Tier.PROVINCE, DeadlineKind.SUBMISSION, p, null, 4, 30, 1, 7,
          configured, false));
      deadlines.saveRule(new DeadlineRule(LC, UnitKind.Tier.PROVINCE, DeadlineKind.DECISION, p, null, 5, 31, 1, 7,
          configured, false));
    }
  }

  private void createUsers() {
    user("sogd.lc", "Hải", "Nông Văn", Groups.reviewer(PROVINCE), "Sở GDĐT Lào Cai");
    user("giamdocso.lc", "Hương", "Hà Thị", Groups.director(PROVINCE), "Giám đốc Sở GDĐT Lào Cai");
    user("chutichtinh.lc", "Khải", "Lò Văn", Groups.signer(PROVINCE), "Chủ tịch UBND tỉnh Lào Cai");
    user("ubndtinh.lc", "Linh", "Vàng Thị", Groups.committee(PROVINCE), "UBND tỉnh Lào Cai");
    user("ubndtinh.yb", "Mạnh", "Hoàng Văn", Groups.committee(RECOGNISED_PROVINCE), "UBND tỉnh Yên Bái");
    user("phonggd.bx", "Nam", "Sần Văn", Groups.reviewer(DISTRICT_RECOGNISED), "Phòng GDĐT huyện Bát Xát");
    user("truongphong.bx", "Oanh", "Phàn Thị", Groups.director(DISTRICT_RECOGNISED), "Trưởng phòng GDĐT Bát Xát");
    user("chutich.bx", "Phong", "Triệu Văn", Groups.signer(DISTRICT_RECOGNISED), "Chủ tịch UBND huyện Bát Xát");
    user("ubnd.bx", "Quế", "Lý Thị", Groups.committee(DISTRICT_RECOGNISED), "UBND huyện Bát Xát");
    user("phonggd.sp", "Sinh", "Giàng A", Groups.reviewer(DISTRICT_OPEN), "Phòng GDĐT thị xã Sa Pa");
    user("truongphong.sp", "Thảo", "Tẩn Thị", Groups.director(DISTRICT_OPEN), "Trưởng phòng GDĐT Sa Pa");
    user("ubnd.sp", "Thắng", "Vù A", Groups.committee(DISTRICT_OPEN), "UBND thị xã Sa Pa");
    user("ubnd.tavan", "Vân", "Giàng Thị", Groups.committee(COMMUNE_RECOGNISED), "UBND xã Tả Van");
    user("ubnd.yty", "Chảo", "Lý A", Groups.committee(COMMUNE_DIFFICULT), "UBND xã Y Tý");
    user("chutich.yty", "Sử", "Phu Seo", Groups.chair(COMMUNE_DIFFICULT), "Chủ tịch UBND xã Y Tý");
    user("hoidong.yty", "Mẩy", "Chảo Thị", Groups.council(COMMUNE_DIFFICULT), "Hội đồng đánh giá — Xã Y Tý");
    user("todanhgia.htx", "Dìn", "Ly Thị", Groups.team(COOPERATIVE), "Tổ đánh giá — HTX Chè Shan tuyết Y Tý");
    user("giamdoc.htx", "Chẩn", "Sần Văn", Groups.head(COOPERATIVE), "Giám đốc HTX Chè Shan tuyết Y Tý");
    user("hoidong.htx", "Sơn", "Hầu A", Groups.council(COOPERATIVE), "Hội đồng đánh giá — HTX Chè Shan tuyết Y Tý");
    user("todanhgia.thbx", "Thủy", "Đặng Thị", Groups.team(SCHOOL_RECOGNISED), "Tổ đánh giá — Trường TH Bát Xát");
    user("hieutruong.thbx", "Tiến", "Nguyễn Đức", Groups.head(SCHOOL_RECOGNISED), "Hiệu trưởng — Trường TH Bát Xát");
    user("todanhgia.cd", "Trang", "Phạm Thu", Groups.team(COLLEGE), "Tổ đánh giá — Trường Cao đẳng Lào Cai");
    user("hieutruong.cd", "Trung", "Vũ Quốc", Groups.head(COLLEGE), "Hiệu trưởng — Trường Cao đẳng Lào Cai");
    user("hoidong.cd", "Tú", "Lê Anh", Groups.council(COLLEGE), "Hội đồng đánh giá — Trường Cao đẳng Lào Cai");
    user("todanhgia.dn", "Uyên", "Trần Thị", Groups.team(COMPANY_RECOGNISED), "Tổ đánh giá — Công ty CP Du lịch Sa Pa");
    user("giamdoc.dn", "Vinh", "Đỗ Quang", Groups.head(COMPANY_RECOGNISED), "Giám đốc — Công ty CP Du lịch Sa Pa");
  }

  private void user(String id, String first, String last, String group, String groupName) {
    provisioning.ensureUserSharingPassword(id, first, last, id + "@demo.hoctap.vn", DemoData.PASSWORD);
    provisioning.ensureGroup(group, groupName, "WORKFLOW");
    provisioning.ensureMembership(id, group);
  }

  // rounds of "Công dân học tập" ////////////////////////////////////////////////////////////////////////////////

  /**
   * A decided round of the body, once: {@code members} people of that subject (and {@code learners} learners), about
   * nine in ten of whom pass (QĐ 324/QĐ-KHVN: 80/100 points, none under 5).
   */
  private void round(String code, String preparer, String council, String decider, int year, Subject subject,
      int members, int learners) {
    if (rounds.list(null, year, 500).stream().anyMatch(r -> r.orgCode().equals(code))) {
      return;
    }
    Round r = roundWorkflow.start(RoundKind.CITIZEN, code, year, user(preparer));
    String[] names = {"Lý Văn Chảo", "Giàng Thị Mai", "Vàng A Sử", "Hoàng Thị Lan", "Phàn Văn Tài", "Tẩn Thị Mẩy",
        "Sần Văn Lử", "Lò Thị Dung", "Nông Văn Hùng", "Đặng Thị Phương"};
    for (int i = 0; i < members + learners; i++) {
      Subject s = i < members ? subject : Subject.LEARNER;
      Map<String, String> scores = new LinkedHashMap<>();
      for (int k = 0; k < 10; k++) {
        String indicator = "NL" + (k / 4 + 1) + "." + (k < 8 ? k % 4 + 1 : k - 7);
        // every tenth person falls short (a 4 in one indicator)
        scores.put(indicator, i % 10 == 3 && k == 2 ? "4" : String.valueOf(8 + (i + k) % 3));
      }
      String id = String.format("010%03d%06d", Math.floorMod(code.hashCode(), 1000), i);
      rounds.saveEntry(r.id(), s, id, names[i % names.length] + (i < names.length ? "" : " " + (i / names.length + 1)),
          String.valueOf(s == Subject.LEARNER ? 2004 + i % 4 : 1970 + i % 30), scores, null, preparer);
    }
    String key = RoundWorkflow.businessKey(r.id());
    completeByKey(preparer, key, AssessmentRoundProcess.TASK_PREPARE,
        Map.of(AssessmentRoundProcess.FIELD_COMMENT, "Danh sách tự đánh giá năm " + year));
    completeByKey(council, key, AssessmentRoundProcess.TASK_REVIEW,
        Map.of(AssessmentRoundProcess.VAR_REVIEW_OUTCOME, AssessmentRoundProcess.APPROVE_ALL));
    completeByKey(decider, key, AssessmentRoundProcess.TASK_DECIDE,
        Map.of(AssessmentRoundProcess.VAR_DECISION, AssessmentRoundProcess.RECOGNISE));
  }

  // dossiers ////////////////////////////////////////////////////////////////////////////////////////////////////

  private boolean hasDossier(String code) {
    Long unitId = orgs.findByCode(code).orElseThrow().getId();
    Integer n = jdbc.queryForObject("select count(*) from dossier where unit_id = ?", Integer.class, unitId);
    return n != null && n > 0;
  }

  /** Opened by the preparer, one evidence file per applicable indicator; the self-assessment step stays open. */
  private Long openAtSelfAssessment(String processKey, String code, String preparer, int year) {
    if (hasDossier(code)) {
      return null;
    }
    Map<String, Object> start = new HashMap<>();
    start.put(RecognitionProcess.VAR_UNIT_CODE, code);
    start.put(RecognitionProcess.VAR_LEVEL, 1);
    start.put(RecognitionProcess.VAR_ASSESSMENT_YEAR, year);
    String key = as(preparer, () -> runtime.startProcessInstanceByKey(processKey, start).getBusinessKey());
    Long id = Long.valueOf(key);
    Dossier d = dossiers.get(id);
    for (Indicator i : dossiers.criteriaSet(d).indicators()) {
      if (i.appliesTo(d.getUnit().profile())) {
        upload(id, i.code(), "minh-chung-" + i.formKey() + ".pdf", "Minh chứng chỉ tiêu " + i.code() + " — "
            + d.getUnit().getName(), preparer);
      }
    }
    return id;
  }

  /** A school's or company's dossier through the whole chain: self-assessment, head, receiving office, signer. */
  private void recognisedUnit(String code, String team, String head, String reviewer, String signer, int year) {
    Long id = openAtSelfAssessment(LearningUnitProcess.KEY, code, team, year);
    if (id == null) {
      return;
    }
    Map<String, Object> values = metValues(id);
    complete(team, id, RecognitionProcess.TASK_SELF_ASSESSMENT, values);
    complete(head, id, LearningUnitProcess.TASK_HEAD_REVIEW, Map.of(RecognitionProcess.VAR_HEAD_DECISION,
        RecognitionProcess.SUBMIT, RecognitionProcess.FIELD_HEAD_COMMENT, "Ký Tờ trình đề nghị công nhận"));
    appraiseAndSign(id, reviewer, signer, values);
  }

  /** A commune's, district's or province's dossier through the whole chain, with its agreement meeting. */
  private void recognisedCommunity(String code, String committee, String reviewer, String signer, int year) {
    Long id = openAtSelfAssessment(LearningCommunityProcess.KEY, code, committee, year);
    if (id == null) {
      return;
    }
    Map<String, Object> values = metValues(id);
    complete(committee, id, RecognitionProcess.TASK_SELF_ASSESSMENT, values);
    upload(id, null, "bien-ban-hop.pdf", "Biên bản họp thống nhất kết quả tự đánh giá", committee);
    Map<String, Object> meeting = new HashMap<>();
    meeting.put(LearningCommunityProcess.FIELD_MEETING_DATE, clock.today().toString());
    meeting.put(LearningCommunityProcess.FIELD_ATTENDEES, "Chủ tịch, các Phó Chủ tịch UBND, đại diện Hội Khuyến học,"
        + " Hội Liên hiệp Phụ nữ, Đoàn Thanh niên");
    meeting.put(LearningCommunityProcess.FIELD_MINUTES_FILE, "bien-ban-hop.pdf");
    meeting.put(RecognitionProcess.VAR_MEETING_OUTCOME, RecognitionProcess.AGREE);
    complete(committee, id, LearningCommunityProcess.TASK_MEETING, meeting);
    appraiseAndSign(id, reviewer, signer, values);
  }

  private void appraiseAndSign(Long id, String reviewer, String signer, Map<String, Object> values) {
    complete(reviewer, id, RecognitionProcess.TASK_CHECK_COMPLETENESS,
        Map.of(RecognitionProcess.FIELD_COMPLETENESS, RecognitionProcess.COMPLETE));
    Map<String, Object> appraisal = new HashMap<>(values);
    appraisal.put(RecognitionProcess.VAR_APPRAISAL_RECOMMENDATION, RecognitionProcess.RECOGNISE);
    appraisal.put(RecognitionProcess.FIELD_APPRAISAL_COMMENT, "Hồ sơ và minh chứng phù hợp; đề nghị công nhận");
    complete(reviewer, id, RecognitionProcess.TASK_APPRAISE, appraisal);
    councilPasses(id);
    complete(signer, id, RecognitionProcess.TASK_DECIDE, Map.of(RecognitionProcess.VAR_SIGNER_DECISION,
        RecognitionProcess.APPROVE));
  }

  /**
   * The Hội đồng đánh giá of the receiving body (TT24 Điều 10 K2 b, Điều 16 K2 b; TT25 Điều 9 K2 b, Điều 14, 19):
   * its head sets it up with four demo members of that body, it meets the same day, all five vote "đạt"; the signed
   * Báo cáo thẩm định is issued and the dossier waits for the signer.
   */
  private void councilPasses(Long id) {
    Dossier d = dossiers.get(id);
    String code = d.getReceivingOrg().getCode();
    String head = identity.createUserQuery().memberOfGroup(AppraisalCouncils.headGroup(d)).orderByUserId().asc()
        .list().stream().findFirst().orElseThrow(() -> new IllegalStateException("Demo: nobody heads " + code))
        .getId();
    List<String> members = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      String member = "hoidong" + i + "." + code.toLowerCase(java.util.Locale.ROOT);
      user(member, "Ủy viên " + i, "Hội đồng", Groups.viewer(code), d.getReceivingOrg().getName());
      members.add(member);
    }
    complete(head, id, RecognitionProcess.TASK_SET_UP_COUNCIL, Map.of(RecognitionProcess.VAR_COUNCIL_MODE,
        AppraisalCouncils.MEETING, RecognitionProcess.FIELD_COUNCIL_CHAIR, head,
        RecognitionProcess.FIELD_COUNCIL_SECRETARY, members.get(0), RecognitionProcess.FIELD_COUNCIL_MEMBERS,
        String.join("\n", members.subList(1, members.size()))));
    List<String> everyone = new ArrayList<>(List.of(head));
    everyone.addAll(members);
    complete(members.get(0), id, RecognitionProcess.TASK_COUNCIL_MINUTES, Map.of(
        RecognitionProcess.FIELD_COUNCIL_DATE, clock.today().toString(), RecognitionProcess.FIELD_PRESENT,
        String.join("\n", everyone), RecognitionProcess.FIELD_VOTES_FOR, 5L, RecognitionProcess.FIELD_VOTES_AGAINST,
        0L, RecognitionProcess.FIELD_COUNCIL_CONCLUSION, AppraisalCouncils.PASS,
        RecognitionProcess.FIELD_COUNCIL_MINUTES, "Hội đồng thống nhất: hồ sơ và minh chứng đạt các tiêu chí, chỉ tiêu; đề nghị công nhận."));
  }

  /**
   * What a unit that meets every applicable indicator of its set enters: conditions "Có", ratios a little above their
   * threshold (the difficult-area one where it applies), the title or level asked, counts at their minimum, figures
   * up or down as asked. A value hoctap already knows is kept, unless it falls short: then the figure the body holds
   * (from before hoctap) is entered with that reason, as the form asks.
   */
  private Map<String, Object> metValues(Long id) {
    Dossier d = dossiers.get(id);
    CriteriaSet set = dossiers.criteriaSet(d);
    UnitProfile unit = d.getUnit().profile();
    Map<String, KnownValues.Known> known = dossiers.known(d);
    Map<String, IndicatorInput> values = new LinkedHashMap<>();
    for (Indicator general : set.indicators()) {
      if (!general.appliesTo(unit)) {
        continue;
      }
      Indicator i = general.forUnit(unit);
      IndicatorInput v = switch (i.rule()) {
        case BOOLEAN -> IndicatorInput.ofYes(true);
        case PERCENT_AT_LEAST -> {
          long total = 200;
          yield IndicatorInput.ofCounts(i.percentThreshold().multiply(BigDecimal.valueOf(total))
              .divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING).longValue() + 4, total);
        }
        case COUNT_AT_LEAST -> IndicatorInput.ofCount(i.countThreshold());
        case EMULATION_TITLE_AT_LEAST, DIGITAL_LEVEL_AT_LEAST -> IndicatorInput.ofChoice(i.threshold());
        case YEAR_ON_YEAR -> Indicator.DECREASE.equals(i.threshold()) ? IndicatorInput.ofYears("3.1", "4.2")
            : IndicatorInput.ofYears("72.5", "65.8");
        case JUDGEMENT -> new IndicatorInput(null, null, null, null, IndicatorInput.Judgement.MET, null);
      };
      KnownValues.Known k = known.get(i.code());
      String note = "Minh chứng: minh-chung-" + i.formKey() + ".pdf";
      if (k != null && k.keptIn(v)) {
        note = k.source();
      } else if (k != null) {
        note = "Theo các quyết định và số liệu lưu tại cơ quan trước khi dùng hoctap (" + note + ")";
      }
      values.put(i.code(), v.withNote(note));
    }
    return IndicatorPreview.fields(set, values);
  }

  private void upload(Long id, String indicator, String name, String title, String user) {
    byte[] pdf = pdf(title);
    try {
      evidence.upload(id, indicator, name, new ByteArrayInputStream(pdf), pdf.length, null, user(user));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A one-page PDF that says what it stands for (ASCII only: the standard font has no Vietnamese letters). */
  static byte[] pdf(String title) {
    String text = java.text.Normalizer.normalize(title.replace('đ', 'd').replace('Đ', 'D'),
        java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll("[^ -~]", "-").replace("(", "[")
        .replace(")", "]").replace("\\", "/");
    String stream = "BT /F1 12 Tf 40 780 Td (Minh chung - ban trinh dien hoctap) Tj 0 -20 Td (" + text + ") Tj ET";
    List<String> objects = List.of("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >>"
            + " /Contents 5 0 R >>", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream");
    StringBuilder out = new StringBuilder("%PDF-1.4\n");
    List<Integer> offsets = new ArrayList<>();
    for (int n = 0; n < objects.size(); n++) {
      offsets.add(out.length());
      out.append(n + 1).append(" 0 obj\n").append(objects.get(n)).append("\nendobj\n");
    }
    int xref = out.length();
    out.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
    offsets.forEach(o -> out.append(String.format("%010d 00000 n \n", o)));
    out.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
        .append("\n%%EOF\n");
    return out.toString().getBytes(StandardCharsets.US_ASCII);
  }

  // acting as a user, with the engine's authorization checks //////////////////////////////////////////////////////

  private List<String> groups(String user) {
    return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }

  private CurrentUser user(String id) {
    return new CurrentUser(id, groups(id));
  }

  private <T> T as(String user, Supplier<T> work) {
    identity.setAuthentication(user, groups(user));
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  private void complete(String user, Long dossierId, String taskKey, Map<String, Object> form) {
    completeByKey(user, String.valueOf(dossierId), taskKey, form);
  }

  /** The step's task as the user sees it in their task list (title's process or the shared procedure), completed. */
  private void completeByKey(String user, String businessKey, String taskKey, Map<String, Object> form) {
    as(user, () -> {
      Task t = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey)
          .singleResult();
      if (t == null) {
        throw new IllegalStateException("Demo: " + user + " does not see step " + taskKey + " of " + businessKey);
      }
      tasks.complete(t.getId(), form);
      return null;
    });
  }
}
