package vn.hoctap.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.common.DomainException;
import vn.hoctap.dossier.Title;
import vn.hoctap.org.Groups;
import vn.hoctap.org.UnitKind;
import vn.hoctap.recognition.RecognitionService;
import vn.hoctap.report.Chains;
import vn.hoctap.report.DashboardService;
import vn.hoctap.report.YearlyReport;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;

/**
 * A revoked recognition counts for nothing any more (issue 20): not in the yearly report's recognised units, not
 * as the level-1 decision a level-2 request needs (TT24 Điều 10 khoản 2 điểm b: twelve months after a level-1
 * decision — a revoked one is no decision), not as "already recognised" for a new request of the same year, and
 * not in the unit's titles; the public check says "đã bị thu hồi".
 */
@HoctapTest
class RevokedRecognitionTest {

  static final int YEAR = 2026;

  @Autowired Fixtures fx;
  @Autowired Chains chains;
  @Autowired JdbcTemplate jdbc;
  @Autowired RecognitionDocuments documents;
  @Autowired RecognitionService recognitions;
  @Autowired DashboardService dashboards;


  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static final CurrentUser ADMIN = new CurrentUser("admin", List.of(Groups.ADMIN));

  long recognisedUnits(String title) {
    YearlyReport r = dashboards.yearly(ADMIN, "HN-TT", YEAR);
    return r.recognised().stream().filter(x -> x.titleLabel().equals(title) && x.level() == 1)
        .mapToLong(YearlyReport.RecognisedRow::units).sum();
  }

  static DomainException refusal(org.assertj.core.api.ThrowableAssert.ThrowingCallable action) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(action);
    DomainException e = vn.hoctap.common.Throwables.find(t, DomainException.class);
    if (e == null) {
      throw new AssertionError("expected a refusal, got " + t, t);
    }
    return e;
  }

  @Test
  void tt24Dieu10K2b_aRevokedLevel1DecisionCountsNowhere() {
    Chains.setClock(Chains.DAY);
    TestUnit u = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pi = chains.recognised(u, YEAR);
    long dossierId = Long.parseLong(pi.getBusinessKey());
    String code = jdbc.queryForObject("select c.verification_code from certificate c join recognition r on"
        + " r.id = c.recognition_id where r.dossier_id = ?", String.class, dossierId);
    long unitId = jdbc.queryForObject("select unit_id from recognition where dossier_id = ?", Long.class, dossierId);
    String label = Title.LEARNING_UNIT.label();
    long before = recognisedUnits(label);
    assertThat(recognitions.ofUnit(unitId)).hasSize(1);
    assertThat(recognitions.latest(unitId, Title.LEARNING_UNIT, 1)).isPresent();
    // while the decision stands: the same year again is "already recognised", level 2 only from 12 months on
    assertThat(refusal(() -> fx.open(u.team(), u.code(), 1, YEAR)).getMessage()).contains("đã được công nhận");
    assertThat(refusal(() -> fx.open(u.team(), u.code(), 2, YEAR)).fullMessage()).contains("tức từ ngày");

    documents.revoke(code, "Hồ sơ kê khai sai số liệu, đã xác minh lại", "admin");

    assertThat(documents.check(code).verdict()).isEqualTo(RecognitionDocuments.Verdict.REVOKED);
    assertThat(recognisedUnits(label)).isEqualTo(before - 1);
    assertThat(recognitions.ofUnit(unitId)).isEmpty();
    assertThat(recognitions.latest(unitId, Title.LEARNING_UNIT, 1)).isEmpty();
    assertThat(refusal(() -> fx.open(u.team(), u.code(), 2, YEAR)).fullMessage())
        .contains("chưa có quyết định công nhận Đơn vị học tập mức độ 1");
    // the unit may ask again for the year whose decision was revoked
    assertThat(fx.open(u.team(), u.code(), 1, YEAR).getBusinessKey()).isNotEqualTo(pi.getBusinessKey());
  }
}
