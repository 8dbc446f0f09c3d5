package vn.hoctap.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hoctap.common.DomainException;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.org.UnitKind;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.HoctapTest;

/**
 * Which rule and extension decide a deadline: province and year beat province beat national; the latest
 * extension of the unit wins; nothing configured is a clear refusal.
 */
@HoctapTest
class DeadlineServiceTest {

  @Autowired DeadlineService deadlines;
  @Autowired Fixtures fx;
  @Autowired OrgUnitRepository orgs;
  @Autowired PlatformTransactionManager transactions;

  /** A procedure name of this test only, so the demo rules never match. */
  private final String procedure = "TEST_" + System.nanoTime() % 1_000_000;

  private EffectiveDeadline effective(OrgUnit unit, int year) {
    return deadlines.effective(procedure, unit, DeadlineKind.SUBMISSION, year);
  }

  @Test
  void theMostSpecificRuleWinsAndTheLatestExtensionMovesIt() {
    OrgUnit province = orgs.findByCode(fx.newProvince().code()).orElseThrow();
    OrgUnit unit = orgs.findByCode(fx.newUnit(province.getCode(), UnitKind.UPPER_SECONDARY, true).code())
        .orElseThrow();
    UnitKind.Tier tier = unit.assessmentTier();
    deadlines.saveRule(new DeadlineRule(procedure, tier, DeadlineKind.SUBMISSION, null, null, 1, 15, 1, 7, "toàn quốc",
        true));
    assertThat(effective(unit, 2026).date()).isEqualTo(LocalDate.of(2027, 1, 15));

    deadlines.saveRule(new DeadlineRule(procedure, tier, DeadlineKind.SUBMISSION, province.getId(), null, 1, 20, 1, 7,
        "của tỉnh", true));
    deadlines.saveRule(new DeadlineRule(procedure, tier, DeadlineKind.SUBMISSION, province.getId(), 2026, 1, 25, 1, 3,
        "của tỉnh, năm 2026", false));
    // another province's rule never applies here
    OrgUnit other = orgs.findByCode(fx.newProvince().code()).orElseThrow();
    deadlines.saveRule(new DeadlineRule(procedure, tier, DeadlineKind.SUBMISSION, other.getId(), 2026, 3, 1, 1, 7,
        "tỉnh khác", true));

    EffectiveDeadline y2026 = effective(unit, 2026);
    assertThat(y2026.date()).isEqualTo(LocalDate.of(2027, 1, 25));
    assertThat(y2026.source()).isEqualTo("của tỉnh, năm 2026");
    assertThat(y2026.remindDaysBefore()).isEqualTo(3);
    assertThat(y2026.confirmed()).isFalse();
    assertThat(effective(unit, 2025).date()).isEqualTo(LocalDate.of(2026, 1, 20));
    assertThat(effective(unit, 2025).extended()).isFalse();

    deadlines.extend(procedure, unit, DeadlineKind.SUBMISSION, 2026, LocalDate.of(2027, 2, 10), "lần 1", "admin");
    deadlines.extend(procedure, unit, DeadlineKind.SUBMISSION, 2026, LocalDate.of(2027, 2, 5), "lần 2", "admin");
    EffectiveDeadline extended = effective(unit, 2026);
    assertThat(extended.date()).isEqualTo(LocalDate.of(2027, 2, 5));
    assertThat(extended.ruleDate()).isEqualTo(LocalDate.of(2027, 1, 25));
    assertThat(extended.extension().getReason()).isEqualTo("lần 2");
    assertThat(effective(unit, 2025).extended()).isFalse();
  }

  @Test
  void anExtensionGrantedInTheSameTransactionIsSeenAtOnce() {
    OrgUnit province = orgs.findByCode(fx.newProvince().code()).orElseThrow();
    OrgUnit unit = orgs.findByCode(fx.newUnit(province.getCode(), UnitKind.UPPER_SECONDARY, true).code())
        .orElseThrow();
    deadlines.saveRule(new DeadlineRule(procedure, unit.assessmentTier(), DeadlineKind.SUBMISSION, null, null, 1, 15,
        1, 7, "toàn quốc", true));
    LocalDate[] seen = new TransactionTemplate(transactions).execute(s -> new LocalDate[] {
        effective(unit, 2026).date(),
        deadlines.extend(procedure, unit, DeadlineKind.SUBMISSION, 2026, LocalDate.of(2027, 3, 1), "bão", "admin")
            .getExtendedUntil(),
        effective(unit, 2026).date()});
    assertThat(seen).containsExactly(LocalDate.of(2027, 1, 15), LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 1));
  }

  @Test
  void noRuleIsARefusalThatSaysWhatToConfigure() {
    OrgUnit unit = orgs.findByCode(fx.newUnit("HN-TT", UnitKind.PRIMARY, true).code()).orElseThrow();
    assertThatThrownBy(() -> effective(unit, 2026)).isInstanceOf(DomainException.class)
        .hasMessageContaining("chưa được cấu hình").hasMessageContaining("2026");
  }
}
