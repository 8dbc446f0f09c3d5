package vn.hoctap.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoctap.process.LearningUnitProcess.*;
import static vn.hoctap.support.Fixtures.districtLevel1Met;
import static vn.hoctap.support.Fixtures.with;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.common.Dates;
import vn.hoctap.common.EngineClock;
import vn.hoctap.org.UnitKind;
import vn.hoctap.recognition.RecognitionService;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;

/**
 * "Lập hồ sơ đề nghị" with a dossier kind, in hoctap's own page on a 360 px screen (headless Chromium): a school
 * recognised at level 1 today chooses "Công nhận nâng mức độ" and is refused at once with the date from which it
 * becomes possible (TT24 Điều 5 khoản 3: 12 months after the level-1 decision); nothing is saved. axe-core on each
 * page; screenshots to docs/screenshots/.
 */
@HoctapTest
class DossierKindsBrowserTest {

  @LocalServerPort int port;
  @Autowired Fixtures fx;
  @Autowired JdbcTemplate jdbc;
  @Autowired RecognitionService recognitions;

  @Test
  void tt24Dieu5K3_upgradeChosenInThePageIsRefusedWithTheDateItBecomesPossible() throws Exception {
    // the real clock (the browser lives in it): a level-1 decision today for this year's dossier
    TestUnit school = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    int year = LocalDate.now(EngineClock.ZONE).getYear();
    ProcessInstance pi = fx.open(school.team(), school.code(), 1, year);
    fx.complete(school.team(), pi, TASK_SELF_ASSESSMENT, districtLevel1Met());
    fx.complete(school.head(), pi, TASK_HEAD_REVIEW, Map.of(VAR_HEAD_DECISION, SUBMIT));
    fx.complete("phonggd", pi, TASK_CHECK_COMPLETENESS, Map.of(FIELD_COMPLETENESS, COMPLETE));
    fx.complete("phonggd", pi, TASK_APPRAISE, with(districtLevel1Met(), VAR_APPRAISAL_RECOMMENDATION, RECOGNISE));
    fx.complete("chutichhuyen", pi, TASK_DECIDE, Map.of(VAR_SIGNER_DECISION, APPROVE));
    LocalDate decided = recognitions.forDossier(Long.valueOf(pi.getBusinessKey())).orElseThrow().getDecisionDate();
    String possible = Dates.vn(decided.plusMonths(12));

    try (BrowserSession b = new BrowserSession()) {
      Journeys j = new Journeys(b, port);
      try {
        j.login(school.team());
        b.driver.manage().window().setSize(new Dimension(360, 740));
        b.driver.get(j.url("/ho-so/moi"));
        // the kinds to choose from, and the figures with their articles, the unconfirmed ones marked
        assertThat(b.visible(By.id("loai-ho-so")).getText()).contains("Để hoctap xác định", "Công nhận lần đầu",
            "Công nhận lại", "Công nhận nâng mức độ");
        b.click(By.cssSelector("#quy-dinh-loai-ho-so summary"));
        assertThat(b.visible(By.id("quy-dinh-loai-ho-so")).getText())
            .contains("Thông tư 24/2023/TT-BGDĐT, Điều 5 khoản 3", "chờ xác nhận văn bản");
        Accessibility.check(b, "ho-so-moi-loai-ho-so", true);

        long before = jdbc.queryForObject("select count(*) from dossier", Long.class);
        new Select(b.visible(By.id("donVi"))).selectByValue("LEARNING_UNIT:" + school.code());
        b.click(By.cssSelector("input[name=mucDo][value='2']"));
        b.click(By.cssSelector("input[name=loai][value='UPGRADE']"));
        b.type(By.id("nam"), String.valueOf(year));
        b.click(By.id("lap-ho-so"));
        String error = b.visible(By.id("loi")).getText();
        assertThat(error).contains("Chưa lập được hồ sơ", "Chưa đủ điều kiện công nhận nâng mức độ",
            "Có thể đề nghị nâng mức độ từ ngày " + possible);
        assertThat(jdbc.queryForObject("select count(*) from dossier", Long.class)).isEqualTo(before);
        // what was chosen is kept
        assertThat(b.driver.findElement(By.cssSelector("input[name=loai][value='UPGRADE']")).isSelected()).isTrue();
        assertThat(b.driver.findElement(By.cssSelector("input[name=mucDo][value='2']")).isSelected()).isTrue();
        j.check("ho-so-moi-nang-muc-do-tu-choi", false);
      } catch (Throwable e) {
        b.screenshot("ho-so-loai-failure");
        throw new AssertionError("failed at " + b.driver.getCurrentUrl() + ": " + e.getMessage(), e);
      }
    }
  }
}
