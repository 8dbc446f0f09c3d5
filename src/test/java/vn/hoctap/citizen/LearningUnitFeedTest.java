package vn.hoctap.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoctap.citizen.RoundFixtures.newPersonId;
import static vn.hoctap.citizen.RoundFixtures.passing;
import static vn.hoctap.citizen.RoundFixtures.scores;
import static vn.hoctap.process.AssessmentRoundProcess.*;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.hoctap.citizen.RoundFixtures.Body;
import vn.hoctap.criteria.IndicatorInput;
import vn.hoctap.dossier.DossierRevision.Stage;
import vn.hoctap.dossier.DossierService;
import vn.hoctap.process.LearningUnitProcess;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.HoctapTest;

/**
 * The school's "Đơn vị học tập" self-assessment opens with TC3.CT1 filled in from its recognised "Công dân học
 * tập" round, with a note naming the round and its decision; what the team submits is what the dossier keeps.
 */
@HoctapTest
class LearningUnitFeedTest {

  @Autowired Fixtures fx;
  @Autowired RoundFixtures rf;
  @Autowired RoundService rounds;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired DossierService dossiers;

  void complete(String user, ProcessInstance pi, String key, Map<String, Object> form) {
    Task t = fx.task(user, pi, key);
    fx.as(user, () -> tasks.complete(t.getId(), form));
  }

  @Test
  void theSelfAssessmentShowsTheShareOfMembersRecognisedInTheSchoolsRound() {
    Body school = rf.newSchool("HN-TT");
    // no recognised round yet: nothing is filled in
    ProcessInstance before = fx.open(school.preparer(), school.code(), 1, 2025);
    assertThat(runtime.getVariables(before.getId())).doesNotContainKey("tc3_ct1_met");

    Round r = rf.start(school, RoundKind.CITIZEN, 2026);
    for (int i = 0; i < 4; i++) {
      rounds.saveEntry(r.id(), Subject.OFFICIAL, newPersonId(), "Giáo viên " + i, null, passing(), null,
          school.preparer());
    }
    rounds.saveEntry(r.id(), Subject.OFFICIAL, newPersonId(), "Chưa đạt", null,
        scores(10, 10, 10, 10, 10, 10, 4, 10, 10, 10), null, school.preparer());
    // learners are counted apart (TC3.CT1.HS), not as members
    rounds.saveEntry(r.id(), Subject.LEARNER, newPersonId(), "Học sinh", null, passing(), null, school.preparer());
    ProcessInstance round = rf.instance(r);
    complete(school.preparer(), round, TASK_PREPARE, Map.of());
    complete(school.reviewer(), round, TASK_REVIEW, Map.of(VAR_REVIEW_OUTCOME, APPROVE_ALL));
    complete(school.decider(), round, TASK_DECIDE, Map.of(VAR_DECISION, RECOGNISE));
    Round done = rounds.get(r.id());

    ProcessInstance pi = fx.open(school.preparer(), school.code(), 1, 2026);
    Map<String, Object> shown = runtime.getVariables(pi.getId());
    assertThat(shown.get("tc3_ct1_met")).isEqualTo(4L);
    assertThat(shown.get("tc3_ct1_total")).isEqualTo(5L);
    assertThat((String) shown.get("tc3_ct1_note")).contains("đợt đánh giá Công dân học tập số " + r.id())
        .contains("quyết định " + done.decisionNo()).contains("4/5 thành viên")
        .contains("Chi tiết: trang Đợt đánh giá, đợt số " + r.id()).doesNotContain("/api/");

    // the team submits the form as shown (plus its other answers): the dossier keeps the round's figures
    Map<String, Object> form = new HashMap<>(Fixtures.districtLevel1Met());
    form.put("tc3_ct1_met", shown.get("tc3_ct1_met"));
    form.put("tc3_ct1_total", shown.get("tc3_ct1_total"));
    form.put("tc3_ct1_note", shown.get("tc3_ct1_note"));
    complete(school.preparer(), pi, LearningUnitProcess.TASK_SELF_ASSESSMENT, form);
    IndicatorInput saved = dossiers.latestValues(Long.valueOf(pi.getBusinessKey()), Stage.SELF).get("TC3.CT1");
    assertThat(saved.met()).isEqualTo(4);
    assertThat(saved.total()).isEqualTo(5);
    assertThat(saved.note()).contains("đợt số " + r.id()).doesNotContain("/api/");
  }
}
