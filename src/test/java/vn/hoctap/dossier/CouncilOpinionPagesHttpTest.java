package vn.hoctap.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoctap.admin.PageSession;
import vn.hoctap.common.EngineClock;
import vn.hoctap.demo.DemoData;
import vn.hoctap.org.UnitKind;
import vn.hoctap.procedure.AppraisalCouncils;
import vn.hoctap.procedure.CouncilVerdicts;
import vn.hoctap.process.LearningUnitProcess;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestCouncil;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;
import vn.hoctap.support.Http.Response;

/**
 * Two members of a Hội đồng đánh giá that collects written opinions (TT24 Điều 10 K2 c) send their opinions from
 * hoctap's dossier page at the same moment: each one's opinion and verdicts per indicator are kept, neither is lost
 * nor mixed with the other's.
 */
@HoctapTest
class CouncilOpinionPagesHttpTest {

  private static final Pattern PREFILLED =
      Pattern.compile("name=\"(f_cv_\\w+)\" value=\"(PASS|FAIL)\"[^>]*checked");

  @LocalServerPort int port;
  @Autowired Fixtures fx;
  @Autowired TaskService tasks;
  @Autowired AppraisalCouncils councils;
  @Autowired CouncilVerdicts verdicts;

  PageSession as(String user) {
    PageSession s = new PageSession(port);
    assertThat(s.login(user, DemoData.PASSWORD).body()).contains("Location:");
    return s;
  }

  /** The opinion form as the page shows it, prefilled verdicts included, with the page's token. */
  static Map<String, String> form(String page) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = PREFILLED.matcher(page);
    while (m.find()) {
      out.put(m.group(1), m.group(2));
    }
    assertThat(out).isNotEmpty();
    out.put("_csrf", PageSession.csrf(page));
    return out;
  }

  @Test
  void tt24Dieu10K2c_twoMembersSendTheirOpinionsAtOnce_eachKeepsTheirOwn() throws Exception {
    TestUnit school = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    int year = LocalDate.now(EngineClock.ZONE).getYear();
    ProcessInstance pi = fx.open(school.team(), school.code(), 1, year);
    fx.complete(school.team(), pi, LearningUnitProcess.TASK_SELF_ASSESSMENT, Fixtures.districtLevel1Met());
    fx.complete(school.head(), pi, LearningUnitProcess.TASK_HEAD_REVIEW, Map.of(
        LearningUnitProcess.VAR_HEAD_DECISION, LearningUnitProcess.SUBMIT));
    fx.complete("phonggd", pi, LearningUnitProcess.TASK_CHECK_COMPLETENESS, Map.of(
        LearningUnitProcess.FIELD_COMPLETENESS, LearningUnitProcess.COMPLETE));
    TestCouncil c = fx.councilFor(pi, 5);
    fx.complete("phonggd", pi, LearningUnitProcess.TASK_APPRAISE, Fixtures.with(Fixtures.districtLevel1Met(),
        LearningUnitProcess.VAR_APPRAISAL_RECOMMENDATION, LearningUnitProcess.RECOGNISE));
    fx.complete(c.head(), pi, LearningUnitProcess.TASK_SET_UP_COUNCIL, Fixtures.councilForm(c,
        AppraisalCouncils.WRITTEN));
    long id = Long.parseLong(pi.getBusinessKey());
    String a = c.members().get(0);
    String b = c.members().get(1);

    PageSession sa = as(a);
    PageSession sb = as(b);
    Map<String, String> fa = form(sa.get("/ho-so/" + id).body());
    Map<String, String> fb = form(sb.get("/ho-so/" + id).body());
    fa.put("f_councilOpinion", "PASS");
    fa.put("f_councilOpinionComment", "Đồng ý kết quả thẩm định.");
    fb.put("f_councilOpinion", "FAIL");
    fb.put("f_cv_tc2_ct4", "FAIL");
    fb.put("f_cv_tc2_ct4_reason", "Tỷ lệ chưa có minh chứng phù hợp");
    String ta = taskOf(a, pi);
    String tb = taskOf(b, pi);

    CountDownLatch go = new CountDownLatch(1);
    CompletableFuture<Response> ra = CompletableFuture.supplyAsync(() -> {
      await(go);
      return sa.post("/ho-so/" + id + "/buoc/" + ta, fa);
    });
    CompletableFuture<Response> rb = CompletableFuture.supplyAsync(() -> {
      await(go);
      return sb.post("/ho-so/" + id + "/buoc/" + tb, fb);
    });
    go.countDown();
    assertThat(ra.get().status()).isEqualTo(302);
    assertThat(rb.get().status()).isEqualTo(302);

    AppraisalCouncils.Council council = councils.current(id).orElseThrow();
    assertThat(council.members()).filteredOn(m -> m.userId().equals(a)).extracting(AppraisalCouncils.Member::opinion)
        .containsExactly(AppraisalCouncils.PASS);
    assertThat(council.members()).filteredOn(m -> m.userId().equals(b)).extracting(AppraisalCouncils.Member::opinion)
        .containsExactly(AppraisalCouncils.FAIL);
    List<CouncilVerdicts.Row> mine = verdicts.latest(council.id(), CouncilVerdicts.OPINION, a);
    List<CouncilVerdicts.Row> theirs = verdicts.latest(council.id(), CouncilVerdicts.OPINION, b);
    assertThat(mine).isNotEmpty().allMatch(CouncilVerdicts.Row::passed);
    assertThat(theirs).filteredOn(r -> !r.passed()).extracting(CouncilVerdicts.Row::code, CouncilVerdicts.Row::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("TC2.CT4", "Tỷ lệ chưa có minh chứng phù hợp"));
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey())
        .taskDefinitionKey(LearningUnitProcess.TASK_COUNCIL_OPINION).count()).isEqualTo(3);
  }

  String taskOf(String member, ProcessInstance pi) {
    Task t = fx.as(member, () -> tasks.createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey())
        .taskCandidateUser(member).singleResult());
    return t.getId();
  }

  static void await(CountDownLatch go) {
    try {
      go.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
