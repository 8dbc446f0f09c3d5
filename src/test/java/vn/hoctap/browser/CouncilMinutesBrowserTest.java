package vn.hoctap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoctap.common.EngineClock;
import vn.hoctap.dossier.DossierService;
import vn.hoctap.dossier.DossierStatus;
import vn.hoctap.org.UnitKind;
import vn.hoctap.process.LearningUnitProcess;
import vn.hoctap.procedure.AppraisalCouncils;
import vn.hoctap.procedure.CouncilVerdicts;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestCouncil;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;

/**
 * The secretary of a Hội đồng đánh giá records the meeting's minutes indicator by indicator on a phone (360 × 740,
 * TT24 Điều 10 K2 c–d): the indicators grouped by criterion, prefilled with the evaluator's result; "không đạt" on
 * one indicator without a reason is refused next to that indicator with everything typed kept; with the reason the
 * minutes are recorded and the council concludes "không đạt" on that indicator.
 */
@HoctapTest
class CouncilMinutesBrowserTest {

  @LocalServerPort int port;
  @Autowired Fixtures fx;
  @Autowired DossierService dossiers;
  @Autowired AppraisalCouncils councils;
  @Autowired CouncilVerdicts verdicts;

  @Test
  void tt24Dieu10K2_theSecretaryRecordsTheMinutesIndicatorByIndicatorOnAPhone() throws Exception {
    TestUnit school = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    LocalDate today = LocalDate.now(EngineClock.ZONE);
    ProcessInstance pi = fx.open(school.team(), school.code(), 1, today.getYear());
    fx.complete(school.team(), pi, LearningUnitProcess.TASK_SELF_ASSESSMENT, Fixtures.districtLevel1Met());
    fx.complete(school.head(), pi, LearningUnitProcess.TASK_HEAD_REVIEW, Map.of(LearningUnitProcess.VAR_HEAD_DECISION,
        LearningUnitProcess.SUBMIT));
    fx.complete("phonggd", pi, LearningUnitProcess.TASK_CHECK_COMPLETENESS, Map.of(
        LearningUnitProcess.FIELD_COMPLETENESS, LearningUnitProcess.COMPLETE));
    TestCouncil c = fx.councilFor(pi, 5);
    fx.complete("phonggd", pi, LearningUnitProcess.TASK_APPRAISE, Fixtures.with(Fixtures.districtLevel1Met(),
        LearningUnitProcess.VAR_APPRAISAL_RECOMMENDATION, LearningUnitProcess.RECOGNISE));
    fx.complete(c.head(), pi, LearningUnitProcess.TASK_SET_UP_COUNCIL, Fixtures.councilForm(c,
        AppraisalCouncils.MEETING));
    long id = Long.parseLong(pi.getBusinessKey());

    try (BrowserSession b = new BrowserSession()) {
      Journeys j = new Journeys(b, port);
      b.driver.manage().window().setSize(new Dimension(360, 740));
      try {
        j.login(c.secretary());
        b.driver.get(j.url("/ho-so/" + id));
        assertThat(b.visible(By.id("buoc-tieu-de")).getText()).contains("Lập biên bản họp Hội đồng đánh giá");
        // grouped by criterion, each indicator with what the council has before it, prefilled "Đạt"
        String form = b.driver.findElement(By.cssSelector("form.step-form")).getText();
        assertThat(form).contains("TC1 — ", "TC2 — ", "TC2.CT4 — ", "Đơn vị tự đánh giá: 25 / 50",
            "Kết quả thẩm định: đạt", "Hội đồng đánh giá chỉ tiêu TC2.CT4");
        assertThat(b.driver.findElement(By.cssSelector("input[name='f_cv_tc2_ct4'][value='PASS']")).isSelected())
            .isTrue();
        Accessibility.check(b, "hoi-dong-bien-ban-chi-tieu", true);
        b.scrollTo(By.id("o_cv_tc2_ct4"));
        Accessibility.keep(b.screenshot("hoi-dong-bien-ban-tc2-360"), "hoi-dong-bien-ban-tc2-360");

        j.fill(Map.of("councilMeetingDate", today.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")),
            "votesFor", 1, "votesAgainst", 4, "councilConclusion", "FAIL"));
        b.type(By.id("i_councilPresent"), String.join("\n", c.everyone()));
        // with the keyboard: from "Đạt" to "Không đạt" of TC2.CT4 (the arrow keys move within a radio group)
        b.driver.findElement(By.cssSelector("input[name='f_cv_tc2_ct4'][value='PASS']")).sendKeys(Keys.ARROW_RIGHT);
        assertThat(b.driver.findElement(By.cssSelector("input[name='f_cv_tc2_ct4'][value='FAIL']")).isSelected())
            .isTrue();
        b.click(By.id("gui"));
        assertThat(b.visible(By.id("e_cv_tc2_ct4_reason")).getText()).contains("TC2.CT4", "lý do");
        assertThat(b.driver.findElement(By.id("i_cv_tc2_ct4_reason")).getAttribute("aria-describedby"))
            .isEqualTo("e_cv_tc2_ct4_reason");
        assertThat(b.visible(By.id("loi")).getText()).contains("chưa lưu gì", "TC2.CT4");
        // nothing recorded, everything typed kept
        assertThat(councils.current(id).orElseThrow().outcome()).isNull();
        assertThat(b.driver.findElement(By.cssSelector("input[name='f_cv_tc2_ct4'][value='FAIL']")).isSelected())
            .isTrue();
        assertThat(b.driver.findElement(By.id("i_councilPresent")).getAttribute("value")).contains(c.secretary());
        assertThat(b.driver.findElement(By.id("i_votesAgainst")).getAttribute("value")).isEqualTo("4");
        Accessibility.check(b, "hoi-dong-bien-ban-chi-tieu-loi", false);
        b.scrollTo(By.id("o_cv_tc2_ct4_reason"));
        Accessibility.keep(b.screenshot("hoi-dong-bien-ban-tc2-loi-360"), "hoi-dong-bien-ban-tc2-loi-360");

        b.type(By.id("i_cv_tc2_ct4_reason"), "Danh sách học ngoại ngữ không khớp minh chứng");
        j.send();
        AppraisalCouncils.Council council = councils.current(id).orElseThrow();
        assertThat(council.outcome()).isEqualTo(AppraisalCouncils.FAILED);
        assertThat(verdicts.conclusion(council.id())).filteredOn(r -> !r.passed())
            .extracting(CouncilVerdicts.Row::code).containsExactly("TC2.CT4");
        assertThat(dossiers.get(id).getStatus()).isNotEqualTo(DossierStatus.AWAITING_DECISION);
        // the dossier page: the council's conclusion per indicator
        assertThat(b.visible(By.id("hoi-dong-chi-tieu")).getText()).contains("TC2.CT4",
            "không đạt — Danh sách học ngoại ngữ không khớp minh chứng", "TC1.CT1");
      } catch (Throwable e) {
        b.screenshot("hoi-dong-bien-ban-failure");
        throw new AssertionError("failed at " + b.driver.getCurrentUrl() + ": " + e.getMessage(), e);
      }
    }
  }
}
