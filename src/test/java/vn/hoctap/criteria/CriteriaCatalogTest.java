package vn.hoctap.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import vn.hoctap.org.UnitKind;

/**
 * The catalog on an in-memory H2 database created with the real V2 migration script only (no Spring context, no
 * other migrations), so it does not depend on the rest of the schema.
 */
class CriteriaCatalogTest {

  private static final Clock MAY_2025 = Clock.fixed(
      ZonedDateTime.of(2025, 5, 20, 9, 0, 0, 0, ZoneId.of("Asia/Ho_Chi_Minh")).toInstant(),
      ZoneId.of("Asia/Ho_Chi_Minh"));

  private JdbcTemplate jdbc;
  private CriteriaCatalog catalog;

  @BeforeEach
  void createSchema() throws Exception {
    // -Dcriteria.test.jdbc-url=jdbc:postgresql://… (plus .user/.password) runs the same tests on a scratch
    // PostgreSQL database; the table is dropped and recreated there.
    String url = System.getProperty("criteria.test.jdbc-url");
    DriverManagerDataSource ds = url == null
        ? new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")
        : new DriverManagerDataSource(url, System.getProperty("criteria.test.jdbc-user"),
            System.getProperty("criteria.test.jdbc-password"));
    try (var connection = ds.getConnection()) {
      if (url != null) {
        connection.createStatement().execute("drop table if exists criteria_set_version");
      }
      ScriptUtils.executeSqlScript(connection, new ClassPathResource("db/migration/V2__criteria.sql"));
    }
    jdbc = new JdbcTemplate(ds);
    catalog = new CriteriaCatalog(jdbc, new CriteriaSetJson(new ObjectMapper()), MAY_2025);
  }

  @Test
  void importsBundledSetsOnce() {
    assertThat(catalog.importBundledSets()).isEqualTo(10);
    assertThat(catalog.importBundledSets()).isZero();
    assertThat(jdbc.queryForObject("select count(*) from criteria_set_version", Integer.class)).isEqualTo(10);
    assertThat(jdbc.queryForObject("select created_by from criteria_set_version where code = 'tt24-district-l1'",
        String.class)).isEqualTo(CriteriaCatalog.BUNDLED_BY);
  }

  @Test
  void currentSetDependsOnTitleTierLevelAndDate() {
    CriteriaSet set = catalog.current(CriteriaSet.LEARNING_UNIT, UnitKind.Tier.PROVINCE, 2, LocalDate.of(2025, 1, 10));
    assertThat(set.code()).isEqualTo("tt24-province-l2");
    assertThat(set.version()).isEqualTo(2);
    assertThat(set).isEqualTo(CriteriaFixtures.set("tt24-province-l2"));
    assertThat(catalog.current(CriteriaSet.LEARNING_UNIT, UnitKind.Tier.DISTRICT, 1, LocalDate.of(2024, 1, 26))
        .code()).isEqualTo("tt24-district-l1");
    // Before TT24 entered into force there is no set: a clear error, not a silent fallback.
    assertThatThrownBy(() -> catalog.current(CriteriaSet.LEARNING_UNIT, UnitKind.Tier.DISTRICT, 1,
        LocalDate.of(2024, 1, 25)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("Chưa có bộ tiêu chí")
        .hasMessageContaining("cấp huyện");
  }

  @Test
  void byIdReturnsTheSameParsedSet() {
    StoredCriteriaSet stored = catalog.currentStored(CriteriaSet.LEARNING_UNIT, UnitKind.Tier.PROVINCE, 1,
        LocalDate.of(2025, 1, 10));
    assertThat(catalog.byId(stored.id())).isSameAs(stored);
    assertThat(stored.set().code()).isEqualTo("tt24-province-l1");
    assertThat(stored.createdAt()).isNotNull();
    assertThatThrownBy(() -> catalog.byId(999_999)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("999999");
  }

  /**
   * A version of the district level-1 set in which TC3.CT1 awaits the text, stored as an amendment or an older
   * version would be: the bundled sets follow the texts and have nothing unconfirmed.
   */
  private StoredCriteriaSet withUnconfirmedTc3Ct1(LocalDate effective) {
    CriteriaSet base = CriteriaFixtures.withUnconfirmed(CriteriaFixtures.set("tt24-district-l1"), "TC3.CT1", null);
    long id = catalog.insert(base.asVersion(3, effective), "test");
    return catalog.byId(id);
  }

  @Test
  void revisingAnUnconfirmedIndicatorCreatesANewVersionAndKeepsTheOld() {
    catalog.importBundledSets();
    StoredCriteriaSet v3 = withUnconfirmedTc3Ct1(LocalDate.of(2025, 1, 1));
    StoredCriteriaSet v4 = catalog.reviseUnconfirmedIndicator(v3.id(), "TC3.CT1", null, "80", "admin.haiphong");

    assertThat(v4.id()).isNotEqualTo(v3.id());
    assertThat(v4.set().version()).isEqualTo(4);
    assertThat(v4.set().code()).isEqualTo("tt24-district-l1");
    assertThat(v4.set().effectiveFrom()).isEqualTo(LocalDate.of(2025, 5, 20));
    assertThat(v4.createdBy()).isEqualTo("admin.haiphong");
    Indicator revised = v4.set().indicator("TC3.CT1").orElseThrow();
    assertThat(revised.threshold()).isEqualTo("80");
    assertThat(revised.confirmed()).isFalse();
    assertThat(revised.text()).isEqualTo(v3.set().indicator("TC3.CT1").orElseThrow().text());

    // The old version is untouched, in the cache and in the database.
    assertThat(catalog.byId(v3.id()).set().indicator("TC3.CT1").orElseThrow().threshold()).isNull();
    assertThat(new CriteriaCatalog(jdbc, new CriteriaSetJson(), MAY_2025).byId(v3.id()).set())
        .isEqualTo(v3.set());
    // Assessments dated before the revision still use version 3, later ones version 4.
    assertThat(catalog.current(CriteriaSet.LEARNING_UNIT, UnitKind.Tier.DISTRICT, 1, LocalDate.of(2025, 5, 19))
        .version()).isEqualTo(3);
    assertThat(catalog.current(CriteriaSet.LEARNING_UNIT, UnitKind.Tier.DISTRICT, 1, LocalDate.of(2025, 5, 20))
        .version()).isEqualTo(4);
    assertThat(catalog.versions("tt24-district-l1")).extracting(s -> s.set().version()).containsExactly(2, 3, 4);

    // Revising from the old base again still gets a fresh version number.
    StoredCriteriaSet v5 = catalog.reviseUnconfirmedIndicator(v3.id(), "TC3.CT1", "Tỷ lệ thành viên (đã rà soát)",
        null, "admin.haiphong");
    assertThat(v5.set().version()).isEqualTo(5);
  }

  @Test
  void aNewVersionAppliesFromItsDateAndOlderDossiersKeepTheirs() {
    StoredCriteriaSet bundled = catalog.currentStored(CriteriaSet.LEARNING_UNIT, UnitKind.Tier.DISTRICT, 1,
        LocalDate.of(2026, 2, 28));
    assertThat(bundled.set().version()).isEqualTo(2);
    // an amendment in force from 01/03/2026
    StoredCriteriaSet amended = withUnconfirmedTc3Ct1(LocalDate.of(2026, 3, 1));
    assertThat(catalog.currentStored(CriteriaSet.LEARNING_UNIT, UnitKind.Tier.DISTRICT, 1,
        LocalDate.of(2026, 2, 28)).id()).isEqualTo(bundled.id());
    assertThat(catalog.currentStored(CriteriaSet.LEARNING_UNIT, UnitKind.Tier.DISTRICT, 1,
        LocalDate.of(2026, 3, 1)).id()).isEqualTo(amended.id());
    // a dossier refers to its version by id: the amendment does not change what it reads
    assertThat(catalog.byId(bundled.id()).set()).isEqualTo(CriteriaFixtures.set("tt24-district-l1"));
  }

  @Test
  void confirmedIndicatorsCannotBeRevised() {
    StoredCriteriaSet v2 = catalog.currentStored(CriteriaSet.LEARNING_UNIT, UnitKind.Tier.PROVINCE, 1,
        LocalDate.of(2025, 1, 10));
    assertThatThrownBy(() -> catalog.reviseUnconfirmedIndicator(v2.id(), "TC2.CT1", null, "85", "admin"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TC2.CT1 đã được xác nhận theo văn bản")
        .hasMessageContaining("không được sửa");
    assertThat(catalog.versions("tt24-province-l1")).hasSize(1);
  }

  @Test
  void invalidRevisionsAreRefused() {
    catalog.importBundledSets();
    StoredCriteriaSet v3 = withUnconfirmedTc3Ct1(LocalDate.of(2025, 1, 1));
    assertThatThrownBy(() -> catalog.reviseUnconfirmedIndicator(v3.id(), "TC3.CT1", null, "chín mươi", "admin"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("phần trăm");
    assertThatThrownBy(() -> catalog.reviseUnconfirmedIndicator(v3.id(), "TC9.CT1", null, "90", "admin"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("không có chỉ tiêu");
    assertThatThrownBy(() -> catalog.reviseUnconfirmedIndicator(v3.id(), "TC3.CT1", null, null, "admin"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("không có gì thay đổi");
    assertThat(catalog.versions("tt24-district-l1")).extracting(s -> s.set().version()).isEqualTo(List.of(2, 3));
  }
}
