package vn.hoctap.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.hoctap.process.LearningUnitProcess.*;
import static vn.hoctap.support.Fixtures.with;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoctap.browser.Accessibility;
import vn.hoctap.signing.IndependentCheck;
import vn.hoctap.signing.PdfPictures;
import vn.hoctap.signing.PdfaValidation;
import vn.hoctap.signing.SignerKeys;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.document.CouncilDocuments;
import vn.hoctap.document.IssuedDocuments;
import vn.hoctap.document.RecognitionDocuments;
import vn.hoctap.dossier.DossierEvent;
import vn.hoctap.dossier.DossierService;
import vn.hoctap.dossier.DossierStatus;
import vn.hoctap.dossier.EvidenceService;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.UnitKind;
import vn.hoctap.procedure.AppraisalCouncils;
import vn.hoctap.procedure.CouncilVerdicts;
import vn.hoctap.recognition.NotificationService;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestCouncil;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;

/**
 * The Hội đồng đánh giá of processes/recognition-appraisal.bpmn on the real engine and database (TT24 Điều 10 K2,
 * Điều 16 K2; TT25 Điều 9 K2, Điều 14, Điều 19 K2): set up by the head of the receiving body, a meeting or a round of
 * written opinions, the Báo cáo thẩm định on "đạt", the head's letter with reasons on "không đạt".
 */
@HoctapTest
class AppraisalCouncilProcessTest {

  static final int YEAR = 2026;
  static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes();

  @Autowired ProcessEngine engine;
  @Autowired TaskService tasks;
  @Autowired Fixtures fx;
  @Autowired DossierService dossiers;
  @Autowired EvidenceService evidence;
  @Autowired AppraisalCouncils councils;
  @Autowired vn.hoctap.procedure.AppraisalCouncilRules councilRules;
  @Autowired CouncilVerdicts verdicts;
  @Autowired CouncilDocuments councilDocuments;
  @Autowired RecognitionDocuments documents;
  @Autowired IssuedDocuments issued;
  @Autowired NotificationService notifications;
  @Autowired SignerKeys keys;
  @LocalServerPort int port;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 12, 1).atTime(9, 0).atZone(EngineClock.ZONE).toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  Long id(ProcessInstance pi) {
    return Long.valueOf(pi.getBusinessKey());
  }

  List<String> actions(ProcessInstance pi) {
    return dossiers.history(id(pi)).stream().map(DossierEvent::getAction).toList();
  }

  /** A district-level primary school ("Đơn vị học tập" cấp huyện, Phòng GDĐT Thanh Trì) appraised "đạt". */
  ProcessInstance districtUnitAtCouncil() {
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pi = fx.open(u.team(), u.code(), 1, YEAR);
    fx.complete(u.team(), pi, TASK_SELF_ASSESSMENT, Fixtures.districtLevel1Met());
    fx.complete(u.head(), pi, TASK_HEAD_REVIEW, Map.of(VAR_HEAD_DECISION, SUBMIT));
    fx.complete("phonggd", pi, TASK_CHECK_COMPLETENESS, Map.of(FIELD_COMPLETENESS, COMPLETE));
    fx.complete("phonggd", pi, TASK_APPRAISE, with(Fixtures.districtLevel1Met(), VAR_APPRAISAL_RECOMMENDATION,
        RECOGNISE));
    return pi;
  }

  /** A province-level upper-secondary school ("Đơn vị học tập" cấp tỉnh, Sở GDĐT Hà Nội) appraised "đạt". */
  ProcessInstance provinceUnitAtCouncil() {
    TestUnit u = fx.newUnit("HN", UnitKind.UPPER_SECONDARY, true);
    ProcessInstance pi = fx.open(u.team(), u.code(), 1, YEAR);
    fx.complete(u.team(), pi, TASK_SELF_ASSESSMENT, Fixtures.provinceLevel1MetUpperSecondary());
    fx.complete(u.head(), pi, TASK_HEAD_REVIEW, Map.of(VAR_HEAD_DECISION, SUBMIT));
    fx.complete("sogd", pi, TASK_CHECK_COMPLETENESS, Map.of(FIELD_COMPLETENESS, COMPLETE));
    fx.complete("sogd", pi, TASK_APPRAISE, with(Fixtures.provinceLevel1MetUpperSecondary(),
        VAR_APPRAISAL_RECOMMENDATION, RECOGNISE));
    return pi;
  }

  /** A "Cộng đồng học tập" applicant of a tier, self-assessed, agreed by its meeting, appraised "đạt". */
  ProcessInstance communityAtCouncil(TestUnit a, String reviewer, Map<String, Object> met) throws Exception {
    ProcessInstance pi = fx.open(LearningCommunityProcess.KEY, a.team(), a.code(), 1, YEAR);
    fx.complete(a.team(), pi, TASK_SELF_ASSESSMENT, met);
    evidence.upload(id(pi), null, "bien-ban-hop.pdf", new ByteArrayInputStream(PDF), PDF.length,
        "Biên bản họp thống nhất kết quả tự đánh giá", new CurrentUser(a.team(), List.of(Groups.committee(a.code()))));
    Map<String, Object> meeting = new HashMap<>();
    meeting.put(LearningCommunityProcess.FIELD_MEETING_DATE, "2026-11-30");
    meeting.put(LearningCommunityProcess.FIELD_ATTENDEES, "Chủ tịch UBND, đại diện Hội Khuyến học");
    meeting.put(LearningCommunityProcess.FIELD_MINUTES_FILE, "bien-ban-hop.pdf");
    meeting.put(VAR_MEETING_OUTCOME, AGREE);
    fx.complete(a.head(), pi, LearningCommunityProcess.TASK_MEETING, meeting);
    fx.complete(reviewer, pi, TASK_CHECK_COMPLETENESS, Map.of(FIELD_COMPLETENESS, COMPLETE));
    fx.complete(reviewer, pi, TASK_APPRAISE, with(met, VAR_APPRAISAL_RECOMMENDATION, RECOGNISE));
    return pi;
  }

  static Map<String, Object> minutes(TestCouncil c, long yes, long no, String conclusion, String text) {
    Map<String, Object> m = new HashMap<>();
    m.put(FIELD_COUNCIL_DATE, "2026-11-30");
    m.put(FIELD_PRESENT, String.join("\n", c.everyone()));
    m.put(FIELD_VOTES_FOR, yes);
    m.put(FIELD_VOTES_AGAINST, no);
    m.put(FIELD_COUNCIL_CONCLUSION, conclusion);
    if (text != null) {
      m.put(FIELD_COUNCIL_MINUTES, text);
    }
    return m;
  }

  static DomainException refusal(ThrowingCallable action) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(action);
    while (t != null && !(t instanceof DomainException)) {
      t = t.getCause();
    }
    if (t == null) {
      throw new AssertionError("expected a refusal");
    }
    return (DomainException) t;
  }

  static String problemsOf(DomainException e, String field) {
    return String.join(" ", e.fieldProblems().stream().filter(p -> field.equals(p.field()))
        .map(DomainException.Problem::message).toList());
  }

  static String text(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
  }

  /**
   * Issue 20 for the council's documents: signed with the head's key from the demo CA and validated independently
   * (intact, over the whole file, chained to the demo root, with its signing time), PDF/A-2b, rendered to
   * docs/screenshots, genuine at the public upload check, and "ĐÃ BỊ SỬA ĐỔI" there with one byte changed.
   */
  void signedAndCheckable(byte[] pdf, String picture) throws Exception {
    IndependentCheck check = IndependentCheck.of(pdf, keys.demo().orElseThrow().root());
    assertThat(check.intact()).isTrue();
    assertThat(check.coversWholeFile()).isTrue();
    assertThat(check.chainsToRoot()).isTrue();
    assertThat(check.signingTime()).isNotNull();
    assertThat(PdfaValidation.failures(pdf)).isEmpty();
    Accessibility.keep(PdfPictures.render(pdf, picture), picture);
    assertThat(PdfPictures.uploadCheck(port, picture + ".pdf", pdf).body()).contains("data-outcome=\"GENUINE\"");
    assertThat(PdfPictures.uploadCheck(port, picture + ".pdf", PdfPictures.oneByteChanged(pdf)).body())
        .contains("data-outcome=\"ALTERED\"", "ĐÃ BỊ SỬA ĐỔI");
  }

  @Test
  void tt24Dieu10K2_districtUnitCouncilMeets_reportIssued_thenTheChairmanDecides() throws Exception {
    ProcessInstance pi = districtUnitAtCouncil();
    assertThat(fx.appraisal(pi)).isWaitingAt(TASK_SET_UP_COUNCIL);
    // the head of the Phòng GDĐT sets it up (TT24 Điều 10 K2 b), not its reviewers
    Task setup = tasks.createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey()).singleResult();
    assertThat(tasks.getIdentityLinksForTask(setup.getId())).extracting(IdentityLink::getGroupId)
        .containsExactly(Groups.director("HN-TT"));
    assertThat(fx.task("phonggd", pi, TASK_SET_UP_COUNCIL)).isNull();

    TestCouncil c = fx.councilFor(pi, 5);
    fx.complete(c.head(), pi, TASK_SET_UP_COUNCIL, Fixtures.councilForm(c, AppraisalCouncils.MEETING));
    assertThat(fx.appraisal(pi)).isWaitingAt(TASK_COUNCIL_MINUTES);
    // only the council's secretary records the minutes
    assertThat(fx.task(c.members().get(0), pi, TASK_COUNCIL_MINUTES)).isNull();
    Map<String, Object> agreed = minutes(c, 4, 1, "PASS", "Các tiêu chí đều đạt.");
    agreed.put("cv_tc1_ct1_reason", "Kế hoạch số 01/KH đầy đủ");
    fx.complete(c.secretary(), pi, TASK_COUNCIL_MINUTES, agreed);

    assertThat(fx.appraisal(pi)).isWaitingAt(TASK_DECIDE);
    AppraisalCouncils.Council council = councils.current(id(pi)).orElseThrow();
    assertThat(council.outcome()).isEqualTo(AppraisalCouncils.PASSED);
    assertThat(council.votesFor()).isEqualTo(4);
    assertThat(council.members()).allMatch(m -> Boolean.TRUE.equals(m.present()));
    assertThat(actions(pi)).contains("COUNCIL_ESTABLISHED", "COUNCIL_PASSED", "APPRAISAL_REPORT");

    IssuedDocuments.Stored report = councilDocuments.report(id(pi)).orElseThrow();
    assertThat(report.signed()).isTrue();
    String t = text(councilDocuments.reportPdf(id(pi)));
    assertThat(t).contains("BÁO CÁO", "Thẩm định hồ sơ đề nghị công nhận danh hiệu",
        "Căn cứ Thông tư số 24/2023/TT-BGDĐT ngày 11 tháng 12 năm 2023", "Thanh Trì, ngày 01 tháng 12 năm 2026",
        "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "kính trình Chủ tịch UBND huyện", "Hội đồng kết luận: ĐẠT", "TRƯỞNG PHÒNG",
        report.checkCode());
    // the table of indicators: code and short text, the unit's value, the evaluator's result, the council's verdict
    assertThat(t).contains("kết luận của Hội đồng và lý do",
        "TC1.CT1 — Ban hành kế hoạch hằng năm", "đơn vị: Có; thẩm định: đạt", "Hội đồng: ĐẠT. Ghi chú: Kế hoạch số"
            + " 01/KH đầy đủ.", "TC2.CT4 — ", "đơn vị: 25 / 50", "TC3.CT3 — ");
    assertThat(t).contains("phục vụ việc học tập suốt đời cho người dân; đơn vị: Có").doesNotContain("người dân..");
    assertThat(t).doesNotContain("Hội đồng: KHÔNG ĐẠT");
    assertThat(issued.withCode(report.checkCode())).hasSize(1);
    signedAndCheckable(councilDocuments.reportPdf(id(pi)), "bao-cao-tham-dinh");
    // with it, the draft decision for the signer (TT24 Điều 10 K2 đ): the decision's text, unnumbered, unsigned
    byte[] draft = documents.draftDecision(id(pi));
    try (PDDocument doc = Loader.loadPDF(draft)) {
      assertThat(doc.getSignatureDictionaries()).isEmpty();
    }
    assertThat(text(draft)).contains("QUYẾT ĐỊNH", "Về việc công nhận danh hiệu “Đơn vị học tập” năm " + YEAR,
        "Căn cứ Thông tư số 24/2023/TT-BGDĐT ngày 11 tháng 12 năm 2023", "Điều 1.", "mức độ 1 năm " + YEAR,
        "Thanh Trì, ngày 01 tháng 12 năm 2026");
    assertThat(PdfaValidation.failures(draft)).isEmpty();
    Accessibility.keep(PdfPictures.render(draft, "du-thao-quyet-dinh"), "du-thao-quyet-dinh");

    fx.complete("chutichhuyen", pi, TASK_DECIDE, Map.of(VAR_SIGNER_DECISION, APPROVE));
    assertThat(pi).isEnded().hasPassed(END_RECOGNISED);
    // decided: the signed decision replaces the draft
    assertThat(refusal(() -> documents.draftDecision(id(pi))).getMessage()).contains("không còn chờ quyết định");
  }

  @Test
  void tt25Dieu9K2c_communeCouncilByWrittenOpinions_oneTaskPerMember_majorityOfMembersPasses() throws Exception {
    TestUnit commune = fx.newLocality("HN-TT", OrgKind.COMMUNE);
    ProcessInstance pi = communityAtCouncil(commune, "phonggd", Fixtures.communityMet());
    TestCouncil c = fx.councilFor(pi, 5);
    fx.complete(c.head(), pi, TASK_SET_UP_COUNCIL, Fixtures.councilForm(c, AppraisalCouncils.WRITTEN));

    // one task per member, each in that member's own list only
    List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey())
        .taskDefinitionKey(TASK_COUNCIL_OPINION).list();
    assertThat(open).hasSize(5);
    for (String m : c.everyone()) {
      assertThat(fx.as(m, () -> tasks.createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey())
          .taskDefinitionKey(TASK_COUNCIL_OPINION).taskCandidateUser(m).count())).isEqualTo(1L);
    }
    // "không đạt" needs its reason, next to the field; nothing is recorded
    DomainException e = refusal(() -> fx.complete(c.members().get(0), pi, TASK_COUNCIL_OPINION,
        Map.of(FIELD_OPINION, "FAIL")));
    assertThat(problemsOf(e, FIELD_OPINION_COMMENT)).contains("lý do");

    List<String> people = c.everyone();
    for (int i = 0; i < people.size(); i++) {
      String m = people.get(i);
      Map<String, Object> opinion = i < 3 ? Map.of(FIELD_OPINION, "PASS") : Map.of(FIELD_OPINION, "FAIL",
          FIELD_OPINION_COMMENT, "TC5.CT1 chưa đủ minh chứng");
      Task mine = fx.as(m, () -> tasks.createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey())
          .taskDefinitionKey(TASK_COUNCIL_OPINION).taskCandidateUser(m).singleResult());
      fx.as(m, () -> tasks.complete(mine.getId(), opinion));
    }
    // 3 of 5 members "đạt": more than half of the members (the default rule, chờ xác nhận văn bản)
    assertThat(fx.appraisal(pi)).isWaitingAt(TASK_DECIDE);
    AppraisalCouncils.Council council = councils.current(id(pi)).orElseThrow();
    assertThat(council.outcome()).isEqualTo(AppraisalCouncils.PASSED);
    assertThat(council.ruleText()).contains("quá nửa", "chờ xác nhận văn bản");
    assertThat(text(councilDocuments.reportPdf(id(pi)))).contains("Phòng Giáo dục và Đào tạo",
        "Căn cứ Thông tư số 25/2023/TT-BGDĐT ngày 27 tháng 12 năm 2023", "ý kiến: không đạt",
        "Hội đồng: ĐẠT (5/5 ý kiến đạt)");
    fx.complete("truongphong", pi, TASK_DECIDE, Map.of(VAR_SIGNER_DECISION, APPROVE));
    assertThat(pi).isEnded().hasPassed(END_RECOGNISED);
  }

  @Test
  void tt25Dieu14_districtCommunityCouncilMeetsAtTheProvince() throws Exception {
    TestUnit district = fx.newLocality("HN", OrgKind.DISTRICT);
    ProcessInstance pi = communityAtCouncil(district, "sogd", Fixtures.communityMet());
    TestCouncil c = fx.councilFor(pi, 5);
    assertThat(c.head()).isEqualTo("giamdocso");
    fx.complete(c.head(), pi, TASK_SET_UP_COUNCIL, Fixtures.councilForm(c, AppraisalCouncils.MEETING));
    // the conclusion must follow the rule: 2 of 5 is not more than half
    DomainException e = refusal(() -> fx.complete(c.secretary(), pi, TASK_COUNCIL_MINUTES,
        minutes(c, 2, 3, "PASS", null)));
    assertThat(problemsOf(e, FIELD_COUNCIL_CONCLUSION)).contains("KHÔNG ĐẠT");
    assertThat(councils.current(id(pi)).orElseThrow().outcome()).isNull();
    fx.complete(c.secretary(), pi, TASK_COUNCIL_MINUTES, minutes(c, 3, 2, "PASS", null));
    assertThat(fx.appraisal(pi)).isWaitingAt(TASK_DECIDE);
    fx.complete("giamdocso", pi, TASK_DECIDE, Map.of(VAR_SIGNER_DECISION, APPROVE));
    assertThat(pi).isEnded().hasPassed(END_RECOGNISED);
  }

  @Test
  void tt24Dieu16K2d_provinceCouncilWrittenRoundFails_headSignsTheLetterWithReasons() throws Exception {
    ProcessInstance pi = provinceUnitAtCouncil();
    TestCouncil c = fx.councilFor(pi, 5);
    assertThat(c.head()).isEqualTo("giamdocso");
    fx.complete(c.head(), pi, TASK_SET_UP_COUNCIL, Fixtures.councilForm(c, AppraisalCouncils.WRITTEN));
    List<String> people = c.everyone();
    for (int i = 0; i < people.size(); i++) {
      String m = people.get(i);
      Map<String, Object> opinion = i < 2 ? Map.of(FIELD_OPINION, "PASS") : Map.of(FIELD_OPINION, "FAIL",
          FIELD_OPINION_COMMENT, "TC2.CT4: chứng chỉ ngoại ngữ chưa có minh chứng phù hợp");
      Task mine = fx.as(m, () -> tasks.createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey())
          .taskDefinitionKey(TASK_COUNCIL_OPINION).taskCandidateUser(m).singleResult());
      fx.as(m, () -> tasks.complete(mine.getId(), opinion));
    }
    assertThat(fx.appraisal(pi)).isWaitingAt(TASK_SIGN_REFUSAL);
    assertThat(councils.current(id(pi)).orElseThrow().outcome()).isEqualTo(AppraisalCouncils.FAILED);
    // the reasons are required; the prefilled text carries the members' reasons
    Map<String, Object> shown = tasks.getVariables(fx.task("giamdocso", pi, TASK_SIGN_REFUSAL).getId());
    assertThat((String) shown.get(FIELD_REFUSAL_REASONS)).contains("TC2.CT4");
    DomainException e = refusal(() -> fx.complete("giamdocso", pi, TASK_SIGN_REFUSAL, Map.of(FIELD_REFUSAL_REASONS,
        " ")));
    assertThat(problemsOf(e, FIELD_REFUSAL_REASONS)).contains("Lý do không đạt");

    fx.complete("giamdocso", pi, TASK_SIGN_REFUSAL, Map.of(FIELD_REFUSAL_REASONS,
        "Hội đồng đánh giá kết luận hồ sơ không đạt: TC2.CT4 chứng chỉ ngoại ngữ chưa có minh chứng phù hợp."));
    assertThat(pi).isEnded().hasPassed(END_REFUSED).hasNotPassed(TASK_DECIDE);
    assertThat(dossiers.get(id(pi)).getStatus()).isEqualTo(DossierStatus.REFUSED);
    assertThat(actions(pi)).contains("COUNCIL_FAILED", "COUNCIL_REFUSED", "REFUSED");

    String t = text(documents.refusalPdf(id(pi)));
    assertThat(t).contains("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "THÔNG BÁO",
        "Căn cứ Thông tư số 24/2023/TT-BGDĐT ngày 11 tháng 12 năm 2023",
        "Căn cứ kết quả thẩm định của Hội đồng đánh giá", "TC2.CT4 chứng chỉ ngoại ngữ",
        "GIÁM ĐỐC");
    // NĐ 30/2020: a zero before days 1–9 and months 1–2 only
    assertThat(t).contains("Hà Nội, ngày 01 tháng 12 năm 2026").doesNotContain("tháng 012");
    signedAndCheckable(documents.refusalPdf(id(pi)), "van-ban-tra-loi-hoi-dong-khong-dat");
  }

  @Test
  void tt24Dieu10K2b_councilOfFourOrSixRefusedNextToTheField_fiveAccepted() {
    ProcessInstance pi = districtUnitAtCouncil();
    TestCouncil six = fx.councilFor(pi, 6);
    DomainException e = refusal(() -> fx.complete(six.head(), pi, TASK_SET_UP_COUNCIL,
        Fixtures.councilForm(six, AppraisalCouncils.MEETING)));
    assertThat(problemsOf(e, FIELD_COUNCIL_MEMBERS)).contains("số thành viên lẻ, tối thiểu 05 người",
        "Điều 10 khoản 2 điểm b", "đang có 6 người");
    TestCouncil four = new TestCouncil(six.head(), six.chair(), six.secretary(), six.members().subList(0, 2));
    e = refusal(() -> fx.complete(four.head(), pi, TASK_SET_UP_COUNCIL,
        Fixtures.councilForm(four, AppraisalCouncils.MEETING)));
    assertThat(problemsOf(e, FIELD_COUNCIL_MEMBERS)).contains("đang có 4 người");
    // someone who is not among the bodies' people is refused next to the field
    TestCouncil stranger = new TestCouncil(six.head(), six.chair(), "hieutruong", six.members().subList(0, 3));
    e = refusal(() -> fx.complete(stranger.head(), pi, TASK_SET_UP_COUNCIL,
        Fixtures.councilForm(stranger, AppraisalCouncils.MEETING)));
    assertThat(problemsOf(e, FIELD_COUNCIL_SECRETARY)).contains("hieutruong");
    assertThat(councils.current(id(pi))).isEmpty();

    TestCouncil five = new TestCouncil(six.head(), six.chair(), six.secretary(), six.members().subList(0, 3));
    fx.complete(five.head(), pi, TASK_SET_UP_COUNCIL, Fixtures.councilForm(five, AppraisalCouncils.MEETING));
    assertThat(councils.current(id(pi)).orElseThrow().members()).hasSize(5);
  }

  @Test
  void tt25Dieu19K2b_ministryCouncilHasNoMinimumSize() throws Exception {
    TestUnit province = fx.newProvince();
    ProcessInstance pi = communityAtCouncil(province, "bogd", Fixtures.provinceCommunityMet());
    TestCouncil c = fx.councilFor(pi, 4);
    assertThat(c.head()).isEqualTo("botruong");
    fx.complete(c.head(), pi, TASK_SET_UP_COUNCIL, Fixtures.councilForm(c, AppraisalCouncils.MEETING));
    assertThat(councils.current(id(pi)).orElseThrow().members()).hasSize(4);
    fx.complete(c.secretary(), pi, TASK_COUNCIL_MINUTES, minutes(c, 4, 0, "PASS", null));
    assertThat(fx.appraisal(pi)).isWaitingAt(TASK_DECIDE);
  }

  /**
   * The minutes indicator by indicator: prefilled with the evaluator's result; "không đạt" needs its reason next to
   * the indicator; "đạt" overall is refused next to the conclusion while an indicator fails (a criterion passes only
   * if all its indicators pass); the head's letter names the indicator, even when the head cut it from the reasons.
   */
  @Test
  void tt24Dieu10K2d_councilMeetingFailsOneIndicator_theLetterNamesIt() throws Exception {
    ProcessInstance pi = districtUnitAtCouncil();
    TestCouncil c = fx.councilFor(pi, 5);
    fx.complete(c.head(), pi, TASK_SET_UP_COUNCIL, Fixtures.councilForm(c, AppraisalCouncils.MEETING));
    Map<String, Object> shown = tasks.getVariables(fx.task(c.secretary(), pi, TASK_COUNCIL_MINUTES).getId());
    assertThat(shown).containsEntry("cv_tc2_ct4", "PASS").containsEntry("cv_tc1_ct1", "PASS");
    assertThat((String) shown.get(CouncilVerdicts.FIELD)).contains("cv_tc2_ct4: TC2.CT4, tự đánh giá 25 / 50");

    Map<String, Object> m = minutes(c, 5, 0, "PASS", null);
    m.put("cv_tc2_ct4", "FAIL");
    DomainException e = refusal(() -> fx.complete(c.secretary(), pi, TASK_COUNCIL_MINUTES, m));
    assertThat(problemsOf(e, "cv_tc2_ct4_reason")).contains("TC2.CT4", "lý do");
    assertThat(problemsOf(e, FIELD_COUNCIL_CONCLUSION)).contains("không thể kết luận «đạt»", "TC2.CT4");
    assertThat(councils.current(id(pi)).orElseThrow().outcome()).isNull();
    assertThat(verdicts.latest(councils.current(id(pi)).orElseThrow().id(), CouncilVerdicts.MINUTES, null)).isEmpty();

    Map<String, Object> failed = minutes(c, 1, 4, "FAIL", null);
    failed.put("cv_tc2_ct4", "FAIL");
    failed.put("cv_tc2_ct4_reason", "Danh sách người học ngoại ngữ không khớp minh chứng");
    fx.complete(c.secretary(), pi, TASK_COUNCIL_MINUTES, failed);
    assertThat(fx.appraisal(pi)).isWaitingAt(TASK_SIGN_REFUSAL);
    AppraisalCouncils.Council council = councils.current(id(pi)).orElseThrow();
    assertThat(council.outcome()).isEqualTo(AppraisalCouncils.FAILED);
    assertThat(council.conclusion()).contains("Chỉ tiêu Hội đồng đánh giá không đạt: TC2.CT4");
    List<CouncilVerdicts.Row> concluded = verdicts.conclusion(council.id());
    assertThat(concluded).filteredOn(r -> !r.passed()).extracting(CouncilVerdicts.Row::code)
        .containsExactly("TC2.CT4");
    assertThat(verdicts.latest(council.id(), CouncilVerdicts.MINUTES, null)).hasSameSizeAs(concluded);

    Map<String, Object> letter = tasks.getVariables(fx.task(c.head(), pi, TASK_SIGN_REFUSAL).getId());
    assertThat((String) letter.get(FIELD_REFUSAL_REASONS)).contains("Chỉ tiêu TC2.CT4",
        "Danh sách người học ngoại ngữ không khớp minh chứng");
    // the head keeps one general line: the letter still names the indicator the council found "không đạt"
    fx.complete(c.head(), pi, TASK_SIGN_REFUSAL, Map.of(FIELD_REFUSAL_REASONS,
        "Hội đồng đánh giá kết luận hồ sơ không đạt."));
    assertThat(pi).isEnded().hasPassed(END_REFUSED);
    String t = text(documents.refusalPdf(id(pi)));
    assertThat(t).contains("THÔNG BÁO", "Căn cứ kết quả thẩm định của Hội đồng đánh giá", "Chỉ tiêu TC2.CT4",
        "không đạt — Danh sách người học ngoại ngữ không khớp minh chứng");
  }

  /**
   * Written opinions indicator by indicator: a member cannot say "đạt" overall while failing an indicator (refused
   * next to her opinion, naming it); 3 of 5 members say "không đạt" on TC2.CT4: 2/5 "đạt" is not more than half of
   * the members (the default rule), so the indicator fails, and the dossier with it.
   */
  @Test
  void tt24Dieu10K2c_writtenOpinionsThreeOfFiveFailAnIndicator_itFailsUnderTheDefaultRule() throws Exception {
    ProcessInstance pi = districtUnitAtCouncil();
    TestCouncil c = fx.councilFor(pi, 5);
    fx.complete(c.head(), pi, TASK_SET_UP_COUNCIL, Fixtures.councilForm(c, AppraisalCouncils.WRITTEN));
    List<String> people = c.everyone();
    Task first = fx.as(people.get(4), () -> tasks.createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey())
        .taskDefinitionKey(TASK_COUNCIL_OPINION).taskCandidateUser(people.get(4)).singleResult());
    DomainException e = refusal(() -> fx.as(people.get(4), () -> tasks.complete(first.getId(), Map.of(FIELD_OPINION,
        "PASS", "cv_tc2_ct4", "FAIL", "cv_tc2_ct4_reason", "Chưa đủ minh chứng"))));
    assertThat(problemsOf(e, FIELD_OPINION)).contains("TC2.CT4", "không thể kết luận «đạt»");

    for (int i = 0; i < people.size(); i++) {
      String m = people.get(i);
      Map<String, Object> opinion = i < 2 ? Map.of(FIELD_OPINION, "PASS") : Map.of(FIELD_OPINION, "FAIL",
          "cv_tc2_ct4", "FAIL", "cv_tc2_ct4_reason", "Thành viên " + i + ": tỷ lệ chưa có minh chứng phù hợp");
      Task mine = fx.as(m, () -> tasks.createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey())
          .taskDefinitionKey(TASK_COUNCIL_OPINION).taskCandidateUser(m).singleResult());
      fx.as(m, () -> tasks.complete(mine.getId(), opinion));
    }
    assertThat(fx.appraisal(pi)).isWaitingAt(TASK_SIGN_REFUSAL);
    AppraisalCouncils.Council council = councils.current(id(pi)).orElseThrow();
    assertThat(council.outcome()).isEqualTo(AppraisalCouncils.FAILED);
    // each member's own set, never another's
    assertThat(verdicts.latest(council.id(), CouncilVerdicts.OPINION, people.get(0)))
        .allMatch(CouncilVerdicts.Row::passed);
    assertThat(verdicts.latest(council.id(), CouncilVerdicts.OPINION, people.get(3))).filteredOn(r -> !r.passed())
        .extracting(CouncilVerdicts.Row::reason).containsExactly("Thành viên 3: tỷ lệ chưa có minh chứng phù hợp");
    List<CouncilVerdicts.Row> concluded = verdicts.conclusion(council.id());
    CouncilVerdicts.Row tc24 = concluded.stream().filter(r -> r.code().equals("TC2.CT4")).findFirst().orElseThrow();
    assertThat(tc24.passed()).isFalse();
    assertThat(tc24.votesFor()).isEqualTo(2);
    assertThat(tc24.answered()).isEqualTo(5);
    assertThat(tc24.reason()).contains("2/5 thành viên đánh giá đạt", "Thành viên 2:", "Thành viên 4:");
    assertThat(concluded).filteredOn(r -> !r.code().equals("TC2.CT4")).allMatch(CouncilVerdicts.Row::passed);
    assertThat(council.conclusion()).contains("KHÔNG ĐẠT", "TC2.CT4");
    Map<String, Object> letter = tasks.getVariables(fx.task(c.head(), pi, TASK_SIGN_REFUSAL).getId());
    assertThat((String) letter.get(FIELD_REFUSAL_REASONS)).contains("Chỉ tiêu TC2.CT4", "2/5 thành viên đánh giá đạt");
  }

  @Test
  void theQuickCouncilOfTheFixturesReachesTheSigner() {
    ProcessInstance pi = districtUnitAtCouncil();
    fx.councilPasses(pi);
    assertThat(fx.appraisal(pi)).isWaitingAt(TASK_DECIDE);
    List<String> all = new ArrayList<>(actions(pi));
    assertThat(all).contains("COUNCIL_PASSED");
  }

  /** Every member of the council gives a written opinion: the first {@code yes} "đạt", the others "không đạt". */
  void writtenRound(ProcessInstance pi, TestCouncil c, int yes) {
    List<String> people = c.everyone();
    for (int i = 0; i < people.size(); i++) {
      String m = people.get(i);
      Map<String, Object> opinion = i < yes ? Map.of(FIELD_OPINION, "PASS") : Map.of(FIELD_OPINION, "FAIL",
          FIELD_OPINION_COMMENT, "TC5.CT1 chưa đủ minh chứng");
      Task mine = fx.as(m, () -> tasks.createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey())
          .taskDefinitionKey(TASK_COUNCIL_OPINION).taskCandidateUser(m).singleResult());
      fx.as(m, () -> tasks.complete(mine.getId(), opinion));
    }
  }

  /** A commune's "Cộng đồng học tập" dossier of a province of its own, at its Phòng GDĐT's council (written round). */
  ProcessInstance communeOfItsOwnProvinceAtAWrittenCouncil(Fixtures.TestBody province) throws Exception {
    Fixtures.TestBody district = fx.newBody(province.code(), OrgKind.DISTRICT);
    TestUnit commune = fx.newLocality(district.code(), OrgKind.COMMUNE);
    ProcessInstance pi = communityAtCouncil(commune, district.reviewer(), Fixtures.communityMet());
    TestCouncil c = fx.councilFor(pi, 5);
    assertThat(c.head()).isEqualTo(district.director());
    fx.complete(c.head(), pi, TASK_SET_UP_COUNCIL, Fixtures.councilForm(c, AppraisalCouncils.WRITTEN));
    writtenRound(pi, c, 3);
    return pi;
  }

  /**
   * The province's own rule (appraisal_council_rule with its org, /quan-tri/hoi-dong-danh-gia) wins over the national
   * default: a province asking more than 2/3 of all members concludes "không đạt" on 3 "đạt" of 5 and its head signs
   * the letter, where the default (more than half of the members) passes the same votes to the signer.
   */
  @Test
  void aProvincesOwnRuleOfTwoThirdsOfTheMembersWins_threeOfFiveFailThere_theDefaultPassesThem() throws Exception {
    Fixtures.TestBody strict = fx.newProvinceForUnits(true);
    councilRules.add("admin", new vn.hoctap.procedure.AppraisalCouncilRules.Edit(strict.code(), "2", "3",
        "MEMBERS", true, "", false, null));
    ProcessInstance failed = communeOfItsOwnProvinceAtAWrittenCouncil(strict);
    assertThat(fx.appraisal(failed)).isWaitingAt(TASK_SIGN_REFUSAL);
    AppraisalCouncils.Council there = councils.current(id(failed)).orElseThrow();
    assertThat(there.outcome()).isEqualTo(AppraisalCouncils.FAILED);
    assertThat(there.votesFor()).isEqualTo(3);
    assertThat(there.ruleText()).contains("trên 2/3 tổng số thành viên Hội đồng", "chờ xác nhận văn bản");

    ProcessInstance passed = communeOfItsOwnProvinceAtAWrittenCouncil(fx.newProvinceForUnits(true));
    assertThat(fx.appraisal(passed)).isWaitingAt(TASK_DECIDE);
    AppraisalCouncils.Council byDefault = councils.current(id(passed)).orElseThrow();
    assertThat(byDefault.outcome()).isEqualTo(AppraisalCouncils.PASSED);
    assertThat(byDefault.votesFor()).isEqualTo(3);
    assertThat(byDefault.ruleText()).contains("quá nửa tổng số thành viên Hội đồng");
  }
}
