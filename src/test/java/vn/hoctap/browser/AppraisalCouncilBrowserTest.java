package vn.hoctap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoctap.common.EngineClock;
import vn.hoctap.dossier.DossierService;
import vn.hoctap.dossier.DossierStatus;
import vn.hoctap.org.UnitKind;
import vn.hoctap.process.LearningUnitProcess;
import vn.hoctap.procedure.AppraisalCouncils;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestCouncil;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;

/**
 * The Hội đồng đánh giá in hoctap's own pages (headless Chromium, 360 px): the head of the Phòng GDĐT sets up the
 * council on the dossier page — a council of three is refused next to its field (TT24 Điều 10 K2 b: odd, at least
 * 5), five are accepted, by written opinions; a member finds her own task in her inbox and gives her opinion on the
 * dossier page; once every member answered, the dossier page links the signed Báo cáo thẩm định.
 */
@HoctapTest
class AppraisalCouncilBrowserTest {

  @LocalServerPort int port;
  @Autowired Fixtures fx;
  @Autowired DossierService dossiers;
  @Autowired TaskService tasks;
  @Autowired AppraisalCouncils councils;

  @Test
  void tt24Dieu10K2_theHeadSetsUpTheCouncilAndAMemberGivesHerOpinionOnAPhone() throws Exception {
    TestUnit school = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    int year = LocalDate.now(EngineClock.ZONE).getYear();
    ProcessInstance pi = fx.open(school.team(), school.code(), 1, year);
    fx.complete(school.team(), pi, LearningUnitProcess.TASK_SELF_ASSESSMENT, Fixtures.districtLevel1Met());
    fx.complete(school.head(), pi, LearningUnitProcess.TASK_HEAD_REVIEW, Map.of(LearningUnitProcess.VAR_HEAD_DECISION,
        LearningUnitProcess.SUBMIT));
    fx.complete("phonggd", pi, LearningUnitProcess.TASK_CHECK_COMPLETENESS, Map.of(
        LearningUnitProcess.FIELD_COMPLETENESS, LearningUnitProcess.COMPLETE));
    // the people of the Phòng GDĐT who may sit on the council, there before the step lists them
    TestCouncil c = fx.councilFor(pi, 5);
    fx.complete("phonggd", pi, LearningUnitProcess.TASK_APPRAISE, Fixtures.with(Fixtures.districtLevel1Met(),
        LearningUnitProcess.VAR_APPRAISAL_RECOMMENDATION, LearningUnitProcess.RECOGNISE));
    long id = Long.parseLong(pi.getBusinessKey());
    String page = "/ho-so/" + id;

    try (BrowserSession b = new BrowserSession()) {
      Journeys j = new Journeys(b, port);
      try {
        // the head of the Phòng GDĐT: the step, the rules of the text and of the data
        j.login(c.head());
        b.driver.get(j.url(page));
        assertThat(b.visible(By.id("buoc-tieu-de")).getText()).contains("Thành lập Hội đồng đánh giá");
        assertThat(b.driver.findElement(By.id("i_councilRule")).getText()).contains("tối thiểu 05 người",
            "Điều 10 khoản 2 điểm b", "chờ xác nhận văn bản");
        assertThat(b.driver.findElement(By.id("i_councilPeople")).getText()).contains(c.secretary());
        Accessibility.check(b, "hoi-dong-thanh-lap", true);

        // three people: refused next to the field, nothing stored, what was typed kept
        j.fill(Map.of("councilMode", "WRITTEN", "councilChair", c.chair(), "councilSecretary", c.secretary()));
        b.type(By.id("i_councilMembers"), c.members().get(0));
        b.click(By.id("gui"));
        assertThat(b.visible(By.id("e_councilMembers")).getText()).contains("số thành viên lẻ, tối thiểu 05 người",
            "đang có 3 người");
        assertThat(councils.current(id)).isEmpty();
        assertThat(b.driver.findElement(By.id("i_councilMembers")).getAttribute("value")).isEqualTo(
            c.members().get(0));
        Accessibility.check(b, "hoi-dong-thanh-lap-loi", false);

        b.type(By.id("i_councilMembers"), String.join("\n", c.members()));
        j.send();
        assertThat(councils.current(id).orElseThrow().members()).hasSize(5);
        assertThat(b.driver.findElement(By.id("hoi-dong")).getText()).contains("Lấy ý kiến bằng văn bản",
            "Chủ tịch Hội đồng", "Thư ký", "Ủy viên");

        // a member: her own task in her inbox, her opinion on the dossier page
        String member = c.members().get(0);
        j.login(member);
        b.driver.get(j.url("/viec-can-lam"));
        Task mine = fx.as(member, () -> tasks.createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey())
            .taskCandidateUser(member).singleResult());
        assertThat(b.visible(By.id("viec-" + mine.getId())).getText()).contains("Cho ý kiến bằng văn bản");
        b.driver.get(j.url(page));
        assertThat(b.visible(By.id("buoc-tieu-de")).getText()).contains("Cho ý kiến bằng văn bản");
        Accessibility.check(b, "hoi-dong-y-kien", true);
        // "không đạt" without a reason: refused next to the field
        j.fill(Map.of("councilOpinion", "FAIL"));
        b.click(By.id("gui"));
        assertThat(b.visible(By.id("e_councilOpinionComment")).getText()).contains("lý do");
        j.fill(Map.of("councilOpinion", "PASS", "councilOpinionComment", "Hồ sơ đầy đủ minh chứng."));
        j.send();

        // the other members answer (each one's own task)
        for (String m : c.everyone()) {
          if (m.equals(member)) {
            continue;
          }
          Task t = fx.as(m, () -> tasks.createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey())
              .taskCandidateUser(m).singleResult());
          fx.as(m, () -> tasks.complete(t.getId(), Map.of("councilOpinion", "PASS")));
        }
        assertThat(dossiers.get(id).getStatus()).isEqualTo(DossierStatus.AWAITING_DECISION);

        // the dossier page: the council's conclusion and its signed report
        j.login(c.head());
        b.driver.get(j.url(page));
        assertThat(b.visible(By.id("hoi-dong")).getText()).contains("Hội đồng kết luận: ĐẠT",
            "chờ xác nhận văn bản");
        byte[] pdf = j.download(By.id("tai-bao-cao-tham-dinh"));
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        Accessibility.check(b, "hoi-dong-ket-luan", true);
      } catch (Throwable e) {
        b.screenshot("hoi-dong-failure");
        throw new AssertionError("failed at " + b.driver.getCurrentUrl() + ": " + e.getMessage(), e);
      }
    }
  }
}
