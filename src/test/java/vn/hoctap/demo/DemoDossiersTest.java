package vn.hoctap.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.hoctap.admin.PageSession;
import vn.hoctap.criteria.CriteriaSet;
import vn.hoctap.criteria.CriteriaSetJson;
import vn.hoctap.criteria.EvaluationResult;
import vn.hoctap.criteria.IndicatorResult;
import vn.hoctap.dossier.Dossier;
import vn.hoctap.dossier.DossierService;
import vn.hoctap.dossier.DossierStatus;
import vn.hoctap.dossier.EvidenceService;
import vn.hoctap.dossier.KnownValues;
import vn.hoctap.dossier.Title;
import vn.hoctap.org.UnitProfile;
import vn.hoctap.process.RecognitionProcess;
import vn.hoctap.recognition.Recognition;
import vn.hoctap.recognition.RecognitionService;

/**
 * The demo profile as the README starts it, with its dossiers of each title and tier ({@link TierDemoData}), in a
 * database of its own (the shared test database leaves them out): each dossier has the title, tier, level and state
 * the README's walkthrough promises, the criteria set of the catalogue with exactly its applicable indicators, an
 * evidence file for each, the values hoctap knows filled in with their source, and the recognised ones a decision.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@DisabledIfSystemProperty(named = "hoctap.test.db", matches = "postgres",
    disabledReason = "needs a database of its own; the PostgreSQL half shares one database between contexts")
class DemoDossiersTest {

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry r) {
    r.add("camunda.bpm.process-engine-name", () -> "demodossiers");
    r.add("spring.datasource.url", () -> "jdbc:h2:mem:hoctapdemodossiers;DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=256;LOCK_TIMEOUT=10000");
    r.add("hoctap.demo.dossiers", () -> "true");
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired DossierService dossiers;
  @Autowired EvidenceService evidence;
  @Autowired RecognitionService recognitions;
  @Autowired TaskService tasks;

  static final List<CriteriaSet> CATALOGUE = new CriteriaSetJson().readBundled();

  /** One expected demo dossier: applicant, title, criteria set of the catalogue, whether it is recognised. */
  record Expected(String code, Title title, String set, boolean recognised) {}

  static final List<Expected> EXPECTED = List.of(
      new Expected(TierDemoData.COOPERATIVE, Title.LEARNING_UNIT, "tt24-district-l1", false),
      new Expected(TierDemoData.SCHOOL_RECOGNISED, Title.LEARNING_UNIT, "tt24-district-l1", true),
      new Expected(TierDemoData.COLLEGE, Title.LEARNING_UNIT, "tt24-province-l1", false),
      new Expected(TierDemoData.COMPANY_RECOGNISED, Title.LEARNING_UNIT, "tt24-province-l1", true),
      new Expected(TierDemoData.COMMUNE_DIFFICULT, Title.LEARNING_COMMUNITY, "tt25-commune-l1", false),
      new Expected(TierDemoData.COMMUNE_RECOGNISED, Title.LEARNING_COMMUNITY, "tt25-commune-l1", true),
      new Expected(TierDemoData.DISTRICT_OPEN, Title.LEARNING_COMMUNITY, "tt25-district-l1", false),
      new Expected(TierDemoData.DISTRICT_RECOGNISED, Title.LEARNING_COMMUNITY, "tt25-district-l1", true),
      new Expected(TierDemoData.PROVINCE, Title.LEARNING_COMMUNITY, "tt25-province-l1", false),
      new Expected(TierDemoData.RECOGNISED_PROVINCE, Title.LEARNING_COMMUNITY, "tt25-province-l1", true));

  Dossier dossierOf(String code) {
    Long id = jdbc.queryForObject("select d.id from dossier d join org_unit u on u.id = d.unit_id where u.code = ?",
        Long.class, code);
    return dossiers.get(id);
  }

  static CriteriaSet catalogued(String code) {
    return CATALOGUE.stream().filter(s -> s.code().equals(code)).findFirst().orElseThrow();
  }

  static long applicable(CriteriaSet set, UnitProfile unit) {
    return set.indicators().stream().filter(i -> i.appliesTo(unit)).count();
  }

  @Test
  @DisplayName("each title at each tier: a dossier at the self-assessment and a recognised one, on the catalogue's"
      + " set, with one evidence file per applicable indicator")
  void eachTitleAtEachTierHasAnOpenAndARecognisedDossier() {
    for (Expected e : EXPECTED) {
      Dossier d = dossierOf(e.code());
      CriteriaSet set = dossiers.criteriaSet(d);
      CriteriaSet catalogued = catalogued(e.set());
      UnitProfile unit = d.getUnit().profile();
      long applicable = applicable(catalogued, unit);
      assertThat(d.getTitle()).as(e.code()).isEqualTo(e.title());
      assertThat(d.getLevel()).as(e.code()).isEqualTo(1);
      assertThat(set.code()).as(e.code()).isEqualTo(e.set());
      assertThat(set.indicators()).as(e.code() + ": the catalogue's indicators")
          .hasSameSizeAs(catalogued.indicators());
      long withEvidence = evidence.list(d.getId()).stream().map(f -> f.getIndicatorCode()).filter(c -> c != null)
          .distinct().count();
      assertThat(withEvidence).as(e.code() + ": indicators with evidence").isEqualTo(applicable);
      if (e.recognised()) {
        assertThat(d.getStatus()).as(e.code()).isEqualTo(DossierStatus.RECOGNISED);
        Recognition r = recognitions.forDossier(d.getId()).orElseThrow();
        assertThat(r.getLevel()).isEqualTo(1);
        EvaluationResult result = dossiers.latestEvaluation(d.getId());
        assertThat(result.outcome()).as(e.code()).isEqualTo(EvaluationResult.Outcome.MET);
        List<IndicatorResult> evaluated = result.indicators().stream().filter(IndicatorResult::applicable).toList();
        assertThat(evaluated).as(e.code() + ": every applicable indicator evaluated").hasSize((int) applicable);
        assertThat(evaluated).as(e.code() + ": and met").allSatisfy(x ->
            assertThat(x.outcome()).isEqualTo(IndicatorResult.Outcome.MET));
      } else {
        assertThat(d.getStatus()).as(e.code()).isEqualTo(DossierStatus.PREPARING);
        assertThat(recognitions.forDossier(d.getId())).as(e.code()).isEmpty();
        Task t = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(d.getId()))
            .taskDefinitionKey(RecognitionProcess.TASK_SELF_ASSESSMENT).singleResult();
        assertThat(t).as(e.code() + ": waits at the self-assessment").isNotNull();
      }
    }
  }

  @Test
  @DisplayName("TT24 Điều 6 khoản 2 điểm d: the cooperative (an economic organisation) is not asked the foreign-language"
      + " ratio TC2.CT4; its members' ratio TC3.CT1 comes from its decided round")
  void tt24Dieu6K2d_theCooperativeIsNotAskedTheForeignLanguageRatio() {
    Dossier d = dossierOf(TierDemoData.COOPERATIVE);
    CriteriaSet set = dossiers.criteriaSet(d);
    assertThat(d.getUnit().profile().economicOrganisation()).isTrue();
    assertThat(set.indicator("TC2.CT4").orElseThrow().appliesTo(d.getUnit().profile())).isFalse();
    KnownValues.Known members = dossiers.known(d).get("TC3.CT1");
    assertThat(members.source()).contains("đợt đánh giá “Công dân học tập”", "thành viên được công nhận");
    assertThat(members.value().total()).isEqualTo(24L);
  }

  @Test
  @DisplayName("TT25 Điều 6 khoản 5 điểm b: Xã Y Tý, in a difficult area, is asked 40 % trained and 10 % with a"
      + " degree; its citizens holding “Công dân học tập” come from its round")
  void tt25Dieu6K5b_theDifficultCommuneHasItsThresholds() {
    Dossier d = dossierOf(TierDemoData.COMMUNE_DIFFICULT);
    UnitProfile unit = d.getUnit().profile();
    CriteriaSet set = dossiers.criteriaSet(d);
    assertThat(unit.difficultArea()).isTrue();
    assertThat(set.indicator("TC5.CT2").orElseThrow().forUnit(unit).percentThreshold()).isEqualByComparingTo("40");
    assertThat(set.indicator("TC5.CT2.DH").orElseThrow().forUnit(unit).percentThreshold())
        .isEqualByComparingTo("10");
    assertThat(dossiers.known(d).get("TC5.CT1").source()).contains("của xã", "công dân được công nhận");
  }

  @Test
  @DisplayName("TT25 Điều 11 and 16: the open district and province dossiers count the communes and districts"
      + " hoctap recognised (1 of 2 each)")
  void theDistrictAndProvinceCountRecognisedCommunesAndDistricts() {
    Map<String, KnownValues.Known> district = dossiers.known(dossierOf(TierDemoData.DISTRICT_OPEN));
    assertThat(district.values()).anySatisfy(k -> {
      assertThat(k.value().met()).isEqualTo(1L);
      assertThat(k.value().total()).isEqualTo(2L);
      assertThat(k.source()).contains("Xã Tả Van");
    });
    Map<String, KnownValues.Known> province = dossiers.known(dossierOf(TierDemoData.PROVINCE));
    assertThat(province.values()).anySatisfy(k -> {
      assertThat(k.value().met()).isEqualTo(1L);
      assertThat(k.value().total()).isEqualTo(2L);
      assertThat(k.source()).contains("Huyện Bát Xát");
    });
  }

  @Test
  @DisplayName("the README's walkthrough: each demo user finds their dossier's page with its indicators, the known"
      + " values' source and the recognised one's decision")
  void theWalkthroughPagesShowTheNewIndicators() {
    PageSession cooperative = new PageSession(port);
    cooperative.login("todanhgia.htx", DemoData.PASSWORD);
    String page = cooperative.get("/ho-so/" + dossierOf(TierDemoData.COOPERATIVE).getId()).body();
    assertThat(page).contains("Hợp tác xã Chè Shan tuyết Y Tý", "TC2.CT5 —",
        "Số liệu hoctap đã có: đợt đánh giá “Công dân học tập”", "minh-chung-tc2_ct5.pdf");
    assertThat(page).as("an economic organisation is not asked TC2.CT4").doesNotContain("TC2.CT4 —");

    PageSession commune = new PageSession(port);
    commune.login("ubnd.yty", DemoData.PASSWORD);
    assertThat(commune.get("/ho-so/" + dossierOf(TierDemoData.COMMUNE_DIFFICULT).getId()).body())
        .contains("Xã Y Tý", "TC5.CT2: ≥ 40 % công dân trong xã (xã thuộc vùng khó khăn)",
            "Số liệu hoctap đã có: đợt đánh giá “Công dân học tập”");

    PageSession province = new PageSession(port);
    province.login("ubndtinh.yb", DemoData.PASSWORD);
    assertThat(province.get("/ho-so/" + dossierOf(TierDemoData.RECOGNISED_PROVINCE).getId()).body())
        .contains("Tỉnh Yên Bái", "Đã công nhận", "/QĐ-BGDĐT");
  }
}
