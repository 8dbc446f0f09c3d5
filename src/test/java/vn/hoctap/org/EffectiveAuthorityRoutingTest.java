package vn.hoctap.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.process.LearningCommunityProcess;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;

/**
 * Authority rules in force on a day (LEGAL-TEXTS §1.3, §1.7, §2.7, §4.1): TT24/TT25 as written from their effective
 * dates, and, in a province organised in two tiers (communes directly under the province, built here), the
 * unconfirmed re-assignments from 01/07/2025. A dossier is routed with the rule in force on its opening day.
 */
@HoctapTest
class EffectiveAuthorityRoutingTest {

  static final LocalDate LAST_THREE_TIER_DAY = LocalDate.of(2025, 6, 30);
  static final LocalDate FIRST_TWO_TIER_DAY = LocalDate.of(2025, 7, 1);

  @Autowired OrgUnitRepository orgs;
  @Autowired AuthorityRuleRepository rules;
  @Autowired RoutingService routing;
  @Autowired Fixtures fx;
  @Autowired JdbcTemplate jdbc;
  @Autowired vn.hoctap.admin.AuthorityRules authority;

  /** A two-tier province: no district, a commune under the province and a primary school under the commune. */
  record TwoTier(OrgUnit province, TestUnit commune, TestUnit school) {}

  TwoTier twoTierProvince() {
    String code = "P2T" + System.nanoTime() % 1000000;
    OrgUnit p = orgs.save(new OrgUnit(code, "Tỉnh hai cấp " + code, OrgKind.PROVINCE, null, true, null,
        Instant.now()));
    rules.saveAll(AuthorityRuleDefaults.forProvince(p.getId(), true));
    TestUnit commune = fx.newLocality(code, OrgKind.COMMUNE);
    TestUnit school = fx.newUnit(commune.code(), UnitKind.PRIMARY, true);
    return new TwoTier(p, commune, school);
  }

  OrgUnit unit(String code) {
    return orgs.findByCode(code).orElseThrow();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void tt24Dieu5K1_on30062025ASchoolInATwoTierProvinceStillHasTheRuleAsWritten_chuTichUbndCapHuyen() {
    TwoTier t = twoTierProvince();
    Route route = routing.route(unit(t.school().code()), "LEARNING_UNIT", LAST_THREE_TIER_DAY);
    assertThat(route.signerTitle()).isEqualTo("Chủ tịch UBND cấp huyện");
    assertThat(route.confirmed()).isTrue();
    // the tree has no district: the district tier's body falls back to the province
    assertThat(route.receiving().getCode()).isEqualTo(t.province().getCode());
  }

  @Test
  void tt24Dieu5K1_from01072025ATwoTierSchoolsDossierGoesToItsCommune_chuTichUbndXa_choXacNhanVanBan() {
    TwoTier t = twoTierProvince();
    Route route = routing.route(unit(t.school().code()), "LEARNING_UNIT", FIRST_TWO_TIER_DAY);
    assertThat(route.receiving().getCode()).isEqualTo(t.commune().code());
    assertThat(route.signer().getCode()).isEqualTo(t.commune().code());
    assertThat(route.signerRole()).isEqualTo("signer");
    assertThat(route.signerTitle()).isEqualTo("Chủ tịch UBND cấp xã");
    assertThat(route.confirmed()).as("only secondary sources: chờ xác nhận văn bản").isFalse();
  }

  @Test
  void tt25Dieu9K2_aCommunesDossierIsDecidedByTheTruongPhongGddtUntil30062025() {
    TwoTier t = twoTierProvince();
    Route route = routing.route(unit(t.commune().code()), "LEARNING_COMMUNITY", LAST_THREE_TIER_DAY);
    assertThat(route.signerTitle()).isEqualTo("Trưởng phòng GDĐT");
    assertThat(route.signerRole()).isEqualTo("director");
    assertThat(route.confirmed()).isTrue();
  }

  @Test
  void tt25Dieu9K2_from01072025ACommuneDoesNotRecogniseItself_theSoGddtDecidesUnconfirmed() {
    TwoTier t = twoTierProvince();
    Route route = routing.route(unit(t.commune().code()), "LEARNING_COMMUNITY", FIRST_TWO_TIER_DAY);
    assertThat(route.receiving().getCode()).isEqualTo(t.province().getCode());
    assertThat(route.signer().getCode()).isNotEqualTo(t.commune().code()).isEqualTo(t.province().getCode());
    assertThat(route.signerTitle()).isEqualTo("Giám đốc Sở GDĐT");
    assertThat(route.confirmed()).isFalse();
  }

  @Test
  void tt24Dieu22K1_noRuleIsInForceBeforeTheCircularTookEffectOn26012024() {
    TwoTier t = twoTierProvince();
    assertThatThrownBy(() -> routing.route(unit(t.school().code()), "LEARNING_UNIT", LocalDate.of(2024, 1, 25)))
        .isInstanceOf(DomainException.class).hasMessageContaining("có hiệu lực ngày 25/01/2024");
    assertThat(routing.route(unit(t.school().code()), "LEARNING_UNIT", LocalDate.of(2024, 1, 26)).signerTitle())
        .isEqualTo("Chủ tịch UBND cấp huyện");
  }

  @Test
  void aProvinceWithItsDistrictTierKeepsTheRulesAsWrittenAfter01072025() {
    String code = "P3T" + System.nanoTime() % 1000000;
    OrgUnit p = orgs.save(new OrgUnit(code, "Tỉnh ba cấp " + code, OrgKind.PROVINCE, null, true, null,
        Instant.now()));
    rules.saveAll(AuthorityRuleDefaults.forProvince(p.getId(), false));
    OrgUnit district = orgs.save(new OrgUnit(code + "-H", "Huyện thử", OrgKind.DISTRICT, null, true, p,
        Instant.now()));
    TestUnit school = fx.newUnit(district.getCode(), UnitKind.PRIMARY, true);
    Route route = routing.route(unit(school.code()), "LEARNING_UNIT", LocalDate.of(2026, 3, 1));
    assertThat(route.receiving().getCode()).isEqualTo(district.getCode());
    assertThat(route.signerTitle()).isEqualTo("Chủ tịch UBND cấp huyện");
    assertThat(route.confirmed()).isTrue();
  }

  // ---- whole dossiers on the real engine: routed on their opening day ----

  private void today(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(EngineClock.ZONE).toInstant()));
  }

  private Map<String, Object> route(ProcessInstance pi) {
    return jdbc.queryForMap("select r.code as receiving, s.code as signer, d.signer_role, d.signer_title from dossier d"
        + " join org_unit r on r.id = d.receiving_org_id join org_unit s on s.id = d.signer_org_id where d.id = ?",
        Long.valueOf(pi.getBusinessKey()));
  }

  @Test
  void twoTierProvince_aSchoolsDvhtDossierOpenedIn2026GoesToTheCommuneTheRulesName() {
    TwoTier t = twoTierProvince();
    today(LocalDate.of(2026, 3, 2));
    ProcessInstance pi = fx.open(t.school().team(), t.school().code(), 1, 2026);
    Map<String, Object> r = route(pi);
    assertThat(r.get("receiving")).isEqualTo(t.commune().code());
    assertThat(r.get("signer")).isEqualTo(t.commune().code());
    assertThat(r.get("signer_title")).isEqualTo("Chủ tịch UBND cấp xã");
    // the commune's reviewer finds it once it is submitted: the route names their group
    assertThat(r.get("signer_role")).isEqualTo("signer");
  }

  @Test
  void twoTierProvince_aCommunesCdhtDossierOpenedIn2026GoesToTheSoGddt() {
    TwoTier t = twoTierProvince();
    today(LocalDate.of(2026, 1, 5));
    ProcessInstance pi = fx.open(LearningCommunityProcess.KEY, t.commune().team(), t.commune().code(), 1, 2025);
    Map<String, Object> r = route(pi);
    assertThat(r.get("receiving")).isEqualTo(t.province().getCode());
    assertThat(r.get("signer")).isEqualTo(t.province().getCode());
    assertThat(r.get("signer_title")).isEqualTo("Giám đốc Sở GDĐT");
    assertThat(r.get("signer_role")).isEqualTo("director");
  }

  @Test
  void aDossierKeepsTheRouteOfItsOpeningDay_openedOn20062025ItIsNotMovedOn01072025() {
    TwoTier t = twoTierProvince();
    today(LocalDate.of(2025, 6, 20));
    ProcessInstance pi = fx.open(t.school().team(), t.school().code(), 1, 2025);
    assertThat(route(pi).get("signer_title")).isEqualTo("Chủ tịch UBND cấp huyện");
    today(LocalDate.of(2025, 7, 2));
    assertThat(route(pi).get("signer_title")).isEqualTo("Chủ tịch UBND cấp huyện");
    // a dossier of another school opened on 02/07/2025 follows the rule in force that day
    TestUnit other = fx.newUnit(t.commune().code(), UnitKind.LOWER_SECONDARY, true);
    assertThat(route(fx.open(other.team(), other.code(), 1, 2025)).get("signer_title"))
        .isEqualTo("Chủ tịch UBND cấp xã");
  }

  // ---- the administrator's changes: two versions of one rule never share a day ----

  @Test
  void twoVersionsOfOneRuleMayNotShareADay_theRefusalNamesTheFieldAndTheOtherPeriod() {
    TwoTier t = twoTierProvince();
    vn.hoctap.admin.AuthorityRules.Edit overlapping = new vn.hoctap.admin.AuthorityRules.Edit("LEARNING_UNIT",
        "DISTRICT", "PROVINCE", "Sở GDĐT", "PROVINCE", "director", "Giám đốc Sở GDĐT", "QĐ-SGDĐT", false,
        "cấu hình thử", "2025-06-01", "", null);
    assertThatThrownBy(() -> authority.save("admin", t.province().getCode(), null, overlapping))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.fieldProblems())
            .anySatisfy(p -> {
              assertThat(p.field()).isEqualTo("validFrom");
              assertThat(p.message()).contains("Trùng thời gian hiệu lực").contains("từ 26/01/2024 đến 30/06/2025");
            }));
    assertThatThrownBy(() -> authority.save("admin", t.province().getCode(), null, new vn.hoctap.admin
        .AuthorityRules.Edit("LEARNING_UNIT", "PROVINCE", "PROVINCE", "Sở GDĐT", "PROVINCE", "signer", "Chủ tịch",
        "QĐ-UBND", false, null, "2030-01-01", "2029-12-31", null)))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.fieldProblems()).singleElement()
            .satisfies(p -> assertThat(p.field()).isEqualTo("validTo")));
    assertThat(rules.findByProvinceIdOrderByProcedureAscUnitTierAscValidFromAsc(t.province().getId())).hasSize(7);
  }
}
