package vn.hoctap.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.hoctap.citizen.RoundFixtures.newPersonId;
import static vn.hoctap.citizen.RoundFixtures.passing;
import static vn.hoctap.citizen.RoundFixtures.scores;
import static vn.hoctap.process.AssessmentRoundProcess.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.hoctap.citizen.RoundFixtures.Body;
import vn.hoctap.common.DomainException;
import vn.hoctap.recognition.Notification;
import vn.hoctap.recognition.NotificationService;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.HoctapTest;

/**
 * Every path of processes/assessment-round.bpmn on the real engine and database, acting as the users of each
 * role with the engine's authorization checks on: a round approved in full, a round where the council returns
 * three named entries that are then fixed, a refused round, a person failing only because one indicator is 4,
 * and a village's families judged where the pass rule awaits the official text.
 */
@HoctapTest
class AssessmentRoundProcessTest {

  static final int YEAR = 2026;

  @Autowired ProcessEngine engine;
  @Autowired TaskService tasks;
  @Autowired Fixtures fx;
  @Autowired RoundFixtures rf;
  @Autowired RoundService rounds;
  @Autowired NotificationService notifications;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  /** The full message (with details) of the DomainException behind a refusal, as the Tasklist shows it. */
  static String refusal(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(call);
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof DomainException d) {
        return d.fullMessage();
      }
    }
    throw new AssertionError("expected a refusal, got " + t);
  }

  void complete(String user, ProcessInstance pi, String taskKey, Map<String, Object> form) {
    Task t = fx.task(user, pi, taskKey);
    if (t == null) {
      throw new AssertionError(user + " does not see an open task " + taskKey);
    }
    fx.as(user, () -> tasks.complete(t.getId(), form));
  }

  /** A school's round with {@code n} passing staff, listed and sent to the council. */
  Round listed(Body school, int n, List<String> ids) {
    Round r = rf.start(school, RoundKind.CITIZEN, YEAR);
    for (int i = 0; i < n; i++) {
      String id = newPersonId();
      ids.add(id);
      rounds.saveEntry(r.id(), Subject.OFFICIAL, id, "Giáo viên " + i, "1980", passing(), null, school.preparer());
    }
    return r;
  }

  @Test
  void aRoundApprovedInFullRecognisesEveryoneWhoPassedUnderOneDecision() {
    Body school = rf.newSchool("HN-TT");
    List<String> ids = new ArrayList<>();
    Round r = listed(school, 4, ids);
    String failing = newPersonId();
    rounds.saveEntry(r.id(), Subject.OFFICIAL, failing, "Người chưa đạt", null,
        scores(8, 8, 8, 7, 7, 7, 7, 7, 7, 7), null, school.preparer());
    ProcessInstance pi = rf.instance(r);
    assertThat(pi).isWaitingAt(TASK_PREPARE);
    assertThat(fx.task(school.reviewer(), pi, TASK_PREPARE)).as("only the preparers see the list step").isNull();

    complete(school.preparer(), pi, TASK_PREPARE, Map.of(FIELD_COMMENT, "Danh sách giáo viên, nhân viên"));
    assertThat(rounds.get(r.id()).status()).isEqualTo(RoundStatus.IN_REVIEW);
    complete(school.reviewer(), pi, TASK_REVIEW, Map.of(VAR_REVIEW_OUTCOME, APPROVE_ALL));
    assertThat(rounds.get(r.id()).status()).isEqualTo(RoundStatus.AWAITING_DECISION);
    complete(school.decider(), pi, TASK_DECIDE, Map.of(VAR_DECISION, RECOGNISE));

    assertThat(pi).isEnded().hasPassed(END_RECOGNISED);
    Round done = rounds.get(r.id());
    assertThat(done.status()).isEqualTo(RoundStatus.RECOGNISED);
    assertThat(done.decisionNo()).matches("\\d+/QĐ-" + school.code());
    RoundService.Counts c = rounds.counts(r.id());
    assertThat(c.entries()).isEqualTo(5);
    assertThat(c.recognised()).isEqualTo(4);
    assertThat(rounds.entry(r.id(), failing).orElseThrow().recognised()).isFalse();
    assertThat(rounds.entry(r.id(), failing).orElseThrow().explanation()).contains("tổng 73 điểm, dưới 80");
    assertThat(notifications.forGroups(List.of("team-" + school.code()))).extracting(Notification::getKind)
        .contains("ROUND_RECOGNISED");
    // the school's share of members recognised, ready for TC3.CT1 of "Đơn vị học tập"
    RoundService.Ratio ratio = rounds.latestRatio(done.orgId(), YEAR, false).orElseThrow();
    assertThat(ratio.roundId()).isEqualTo(r.id());
    assertThat(ratio.recognised()).isEqualTo(4);
    assertThat(ratio.total()).isEqualTo(5);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void theCouncilReturnsThreeNamedEntriesWhichAreFixedAndTheRoundCompletes() {
    Body school = rf.newSchool("HN-TT");
    List<String> ids = new ArrayList<>();
    Round r = listed(school, 6, ids);
    ProcessInstance pi = rf.instance(r);
    complete(school.preparer(), pi, TASK_PREPARE, Map.of());
    String returnList = ids.get(0) + ": điểm NL2.1 chưa khớp minh chứng\n" + ids.get(2) + ": sai năm sinh\n"
        + ids.get(4) + ": thiếu minh chứng tham gia học tập";

    // a line naming nobody in the round is refused, nothing is marked
    Task review = fx.task(school.reviewer(), pi, TASK_REVIEW);
    assertThat(refusal(() -> fx.as(school.reviewer(), () -> tasks.complete(review.getId(),
        Map.of(VAR_REVIEW_OUTCOME, RETURN, FIELD_RETURN_LIST, "999999999999: không có")))))
        .contains("999999999999: không có trong danh sách");
    assertThat(rounds.counts(r.id()).returned()).isZero();

    complete(school.reviewer(), pi, TASK_REVIEW, Map.of(VAR_REVIEW_OUTCOME, RETURN, FIELD_RETURN_LIST, returnList));
    assertThat(pi).isWaitingAt(TASK_FIX);
    assertThat(rounds.get(r.id()).status()).isEqualTo(RoundStatus.RETURNED);
    assertThat(rounds.entries(r.id(), "returned", 0, 10)).extracting(RoundEntry::identityNo)
        .containsExactlyInAnyOrder(ids.get(0), ids.get(2), ids.get(4));
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), FIELD_RETURNED)).asString()
        .contains("sai năm sinh");

    // not fixed yet: the step stays open and says which entries are left
    Task fix = fx.task(school.preparer(), pi, TASK_FIX);
    assertThat(refusal(() -> fx.as(school.preparer(), () -> tasks.complete(fix.getId(), Map.of()))))
        .contains(ids.get(0)).contains(ids.get(2)).contains(ids.get(4));
    // an entry the council did not return cannot be changed now
    assertThatThrownBy(() -> rounds.saveEntry(r.id(), Subject.OFFICIAL, ids.get(1), "Giáo viên 1", "1980",
        passing(), null, school.preparer())).isInstanceOf(DomainException.class)
        .hasMessageContaining("chỉ sửa được");

    // two corrected with the entry form (API), the third typed into the step's own form
    for (int k : new int[] {0, 2}) {
      rounds.saveEntry(r.id(), Subject.OFFICIAL, ids.get(k), "Giáo viên " + k, "1981",
          scores(10, 10, 9, 9, 9, 9, 9, 9, 9, 9), null, school.preparer());
    }
    assertThat(rounds.counts(r.id()).returned()).isEqualTo(1);
    assertThat(refusal(() -> fx.as(school.preparer(), () -> tasks.complete(fix.getId(),
        Map.of(FIELD_CORRECTIONS, ids.get(4) + ": NL2.1=11")))))
        .contains("Điểm chỉ tiêu NL2.1 phải từ 0 đến 10, đang là 11");
    complete(school.preparer(), pi, TASK_FIX, Map.of(FIELD_CORRECTIONS, ids.get(4) + ": NL2.1=8,5; năm sinh=1979",
        FIELD_COMMENT, "Đã sửa theo yêu cầu"));
    RoundEntry typed = rounds.entry(r.id(), ids.get(4)).orElseThrow();
    assertThat(typed.scores().get("NL2.1")).isEqualByComparingTo("8.5");
    assertThat(typed.birthYear()).isEqualTo(1979);
    assertThat(typed.total()).isEqualByComparingTo("89.5");
    assertThat(typed.returnReason()).isNull();
    assertThat(pi).isWaitingAt(TASK_REVIEW);
    complete(school.reviewer(), pi, TASK_REVIEW, Map.of(VAR_REVIEW_OUTCOME, APPROVE_ALL));
    complete(school.decider(), pi, TASK_DECIDE, Map.of(VAR_DECISION, RECOGNISE));

    assertThat(pi).isEnded().hasPassed(TASK_FIX, END_RECOGNISED);
    assertThat(rounds.counts(r.id()).recognised()).isEqualTo(6);
    assertThat(rounds.entry(r.id(), ids.get(2)).orElseThrow().birthYear()).isEqualTo(1981);
    List<String> actions = rounds.history(r.id()).stream().map(e -> (String) e.get("action")).toList();
    assertThat(actions).containsSubsequence("OPENED", "SUBMITTED", "RETURNED", "ENTRY_CORRECTED", "RESUBMITTED",
        "APPROVED", "RECOGNISED");
    assertThat(rounds.history(r.id()).stream().filter(e -> "RETURNED".equals(e.get("action"))).findFirst()
        .orElseThrow().get("details")).asString().contains(ids.get(0)).contains(ids.get(2)).contains(ids.get(4));
  }

  @Test
  void aRefusedRoundRecognisesNobodyAndNeedsAReason() {
    Body school = rf.newSchool("HN-TT");
    Round r = listed(school, 3, new ArrayList<>());
    ProcessInstance pi = rf.instance(r);
    complete(school.preparer(), pi, TASK_PREPARE, Map.of());
    complete(school.reviewer(), pi, TASK_REVIEW, Map.of(VAR_REVIEW_OUTCOME, APPROVE_ALL));
    Task decide = fx.task(school.decider(), pi, TASK_DECIDE);
    assertThat(refusal(() -> fx.as(school.decider(), () -> tasks.complete(decide.getId(),
        Map.of(VAR_DECISION, REFUSE))))).contains("lý do không công nhận");
    complete(school.decider(), pi, TASK_DECIDE, Map.of(VAR_DECISION, REFUSE, FIELD_COMMENT,
        "Hội đồng chưa đủ thành phần theo quy định"));

    assertThat(pi).isEnded().hasPassed(END_REFUSED);
    Round done = rounds.get(r.id());
    assertThat(done.status()).isEqualTo(RoundStatus.REFUSED);
    assertThat(done.decisionNo()).isNull();
    assertThat(rounds.counts(r.id()).recognised()).isZero();
    assertThat(rounds.latestRatio(done.orgId(), YEAR, false)).isEmpty();
    assertThat(notifications.forGroups(List.of("council-" + school.code()))).extracting(Notification::getKind)
        .contains("ROUND_REFUSED");
    // the round is closed: a new one can be opened for the same year
    assertThat(rf.start(school, RoundKind.CITIZEN, YEAR).id()).isNotEqualTo(r.id());
  }

  static String line(String id, String subject, String name, Map<String, String> scores) {
    StringBuilder b = new StringBuilder(id + ": đối tượng=" + subject + "; họ tên=" + name + "; năm sinh=1984");
    scores.forEach((k, v) -> b.append("; ").append(k).append('=').append(v));
    return b.toString();
  }

  @Test
  void peopleAreEnteredOneByOneInThePreparationFormAndABadLineSavesNothing() {
    Body school = rf.newSchool("HN-TT");
    Round r = rf.start(school, RoundKind.CITIZEN, YEAR);
    ProcessInstance pi = rf.instance(r);
    String a = newPersonId();
    String b = newPersonId();
    String good = line(a, "OFFICIAL", "Lê Thị Hoa", passing()) + "\n"
        + line(b, "Cán bộ, công chức, viên chức, doanh nhân", "Phạm Văn Nam", scores(8, 8, 8, 8, 8, 8, 8, 8, 8, 4));
    // one unknown population among good lines: refused, nothing stored, the task stays open
    String bad = good + "\n" + line(newPersonId(), "NGƯỜI LẠ", "X", passing());
    assertThat(refusal(() -> complete(school.preparer(), pi, TASK_PREPARE, Map.of(FIELD_CORRECTIONS, bad))))
        .contains("NGƯỜI LẠ");
    assertThat(rounds.counts(r.id()).entries()).isZero();
    assertThat(pi).isWaitingAt(TASK_PREPARE);

    complete(school.preparer(), pi, TASK_PREPARE, Map.of(FIELD_CORRECTIONS, good));
    assertThat(rounds.counts(r.id()).entries()).isEqualTo(2);
    assertThat(rounds.entry(r.id(), a).orElseThrow().passed()).isTrue();
    assertThat(rounds.entry(r.id(), b).orElseThrow().fullName()).isEqualTo("Phạm Văn Nam");
    assertThat(rounds.entry(r.id(), b).orElseThrow().explanation()).contains("NL3.2 được 4 điểm, dưới 5");
    assertThat(rounds.get(r.id()).status()).isEqualTo(RoundStatus.IN_REVIEW);
  }

  @Test
  void aPersonFailsOnlyBecauseOneIndicatorIsFour() {
    Body school = rf.newSchool("HN-TT");
    Round r = listed(school, 1, new ArrayList<>());
    String four = newPersonId();
    // total 94 (well above 80), every indicator at 10 except NL2.3 = 4
    RoundEntry e = rounds.saveEntry(r.id(), Subject.OFFICIAL, four, "Trần Văn Bốn", "1979",
        scores(10, 10, 10, 10, 10, 10, 4, 10, 10, 10), null, school.preparer());
    assertThat(e.total()).isEqualByComparingTo("94");
    assertThat(e.passed()).isFalse();
    assertThat(e.explanation()).contains("NL2.3 được 4 điểm, dưới 5").doesNotContain("tổng");
    ProcessInstance pi = rf.instance(r);
    complete(school.preparer(), pi, TASK_PREPARE, Map.of());
    complete(school.reviewer(), pi, TASK_REVIEW, Map.of(VAR_REVIEW_OUTCOME, APPROVE_ALL));
    complete(school.decider(), pi, TASK_DECIDE, Map.of(VAR_DECISION, RECOGNISE));
    assertThat(pi).hasPassed(END_RECOGNISED);
    assertThat(rounds.entry(r.id(), four).orElseThrow().recognised()).isFalse();
    assertThat(rounds.entries(r.id(), "recognised", 0, 10)).hasSize(1);
  }

  @Test
  void aVillagesFamiliesAreJudgedByTheBranchAndRecognisedByTheCommuneChairman() {
    Body village = rf.newVillage("HN-TT");
    Round r = rf.start(village, RoundKind.VILLAGE, YEAR);
    Map<String, String> five = Map.of("GD1", "8", "GD2", "10", "GD3", "7", "GD4", "6", "GD5", "9");
    String met = newPersonId();
    String notMet = newPersonId();
    // the pass rule awaits the official text: a judgement is required
    assertThat(refusal(() -> rounds.saveEntry(r.id(), Subject.FAMILY, met, "Nguyễn Văn Hộ", null, five, null,
        village.preparer()))).contains("Nhận định: Thiếu nhận định");
    rounds.saveEntry(r.id(), Subject.FAMILY, met, "Nguyễn Văn Hộ", null, five, "Đạt", village.preparer());
    rounds.saveEntry(r.id(), Subject.FAMILY, notMet, "Lê Thị Hộ", null, five, "Không đạt", village.preparer());
    assertThatThrownBy(() -> rounds.saveEntry(r.id(), Subject.OFFICIAL, newPersonId(), "Cán bộ", null, passing(),
        null, village.preparer())).hasMessageContaining("không nhận");
    ProcessInstance pi = rf.instance(r);
    complete(village.preparer(), pi, TASK_PREPARE, Map.of());
    complete(village.reviewer(), pi, TASK_REVIEW, Map.of(VAR_REVIEW_OUTCOME, APPROVE_ALL));
    complete(village.decider(), pi, TASK_DECIDE, Map.of(VAR_DECISION, RECOGNISE));
    assertThat(pi).hasPassed(END_RECOGNISED);
    assertThat(rounds.get(r.id()).decisionNo()).endsWith("/QĐ-UBND");
    assertThat(rounds.entry(r.id(), met).orElseThrow().recognised()).isTrue();
    assertThat(rounds.entry(r.id(), met).orElseThrow().explanation()).contains("chờ xác nhận văn bản");
    assertThat(rounds.entry(r.id(), notMet).orElseThrow().recognised()).isFalse();
  }
}
