package vn.hoctap.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoctap.process.LearningUnitProcess.TASK_SELF_ASSESSMENT;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.common.EngineClock;
import vn.hoctap.criteria.IndicatorResult;
import vn.hoctap.demo.DemoData;
import vn.hoctap.dossier.DossierService;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.process.LearningCommunityProcess;
import vn.hoctap.security.RawHttp;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;
import vn.hoctap.support.Http.Response;

/**
 * TT25 Điều 6 khoản 5 điểm b: "Đối với xã thuộc vùng khó khăn có ít nhất 40% công dân trong xã được đào tạo trình độ
 * chuyên môn kỹ thuật; trong đó, có ít nhất 10% …". Which communes are in a difficult area is data an administrator
 * records per commune with its basis (the definition, TT25 Điều 2, is not available), and the commune's dossier is
 * then measured against those thresholds.
 */
@HoctapTest
class DifficultAreaHttpTest {

  @LocalServerPort int port;
  @Autowired Fixtures fx;
  @Autowired OrgUnitRepository orgs;
  @Autowired DossierService dossiers;
  @Autowired JdbcTemplate jdbc;
  RawHttp http;

  @BeforeEach
  void client() {
    http = new RawHttp(port);
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 12, 1).atTime(9, 0).atZone(EngineClock.ZONE).toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  Response admin(String path, String json) {
    return http.send("PUT", "admin", DemoData.PASSWORD, path, json);
  }

  @Test
  @DisplayName("TT25 Điều 6 khoản 5 điểm b: an administrator marks a commune “thuộc vùng khó khăn” with its basis; its"
      + " dossier is measured against 40 % and 10 %")
  void aCommuneInADifficultAreaHasItsOwnThresholds() {
    TestUnit commune = fx.newLocality("HN-TT", OrgKind.COMMUNE);
    String path = "/api/admin/org-units/" + commune.code() + "/difficult-area";

    Response noBasis = admin(path, "{\"difficultArea\": true}");
    assertThat(noBasis.status()).isEqualTo(400);
    assertThat(noBasis.body()).contains("văn bản làm căn cứ");
    Response notACommune = admin("/api/admin/org-units/HN-TT/difficult-area",
        "{\"difficultArea\": true, \"basis\": \"QĐ 1\"}");
    assertThat(notACommune.status()).isEqualTo(400);
    assertThat(notACommune.body()).contains("Chỉ xã, phường");
    Response notAdmin = http.send("PUT", "phonggd", DemoData.PASSWORD, path,
        "{\"difficultArea\": true, \"basis\": \"QĐ 1\"}");
    assertThat(notAdmin.status()).isEqualTo(403);
    assertThat(orgs.findByCode(commune.code()).orElseThrow().isDifficultArea()).isFalse();

    Response ok = admin(path, "{\"difficultArea\": true, \"basis\": \"Quyết định số 861/QĐ-TTg ngày 04/6/2021\"}");
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().path("difficultArea").asBoolean()).isTrue();
    assertThat(orgs.findByCode(commune.code()).orElseThrow().getDifficultAreaBasis()).contains("861/QĐ-TTg");
    assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'ORG_UNIT_DIFFICULT_AREA'"
        + " and target_id = ?", Long.class, commune.code())).isEqualTo(1L);

    ProcessInstance pi = fx.open(LearningCommunityProcess.KEY, commune.team(), commune.code(), 1, 2026);
    fx.complete(commune.team(), pi, TASK_SELF_ASSESSMENT, Fixtures.with(Fixtures.communityMet(),
        "tc5_ct2_met", 400L, "tc5_ct2_total", 1000L, "tc5_ct2_dh_met", 99L, "tc5_ct2_dh_total", 1000L));
    var result = dossiers.latestEvaluation(Long.valueOf(pi.getBusinessKey()));
    IndicatorResult trained = result.indicator("TC5.CT2");
    assertThat(trained.outcome()).isEqualTo(IndicatorResult.Outcome.MET);
    assertThat(trained.threshold()).isEqualTo("≥ 40 % công dân trong xã (xã thuộc vùng khó khăn)");
    IndicatorResult university = result.indicator("TC5.CT2.DH");
    assertThat(university.outcome()).isEqualTo(IndicatorResult.Outcome.NOT_MET);
    assertThat(university.measured()).isEqualTo("99/1000 công dân = 9,90 %");
    assertThat(university.threshold()).isEqualTo("≥ 10 % công dân trong xã (xã thuộc vùng khó khăn)");
  }
}
