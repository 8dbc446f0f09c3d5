package vn.hoctap.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.hoctap.dossier.Title;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.org.UnitKind;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.HoctapTest;

/**
 * Every date of TT 24/2023 and TT 25/2023 is a national data row (migration V52) carrying its article, applied to a
 * province that configured nothing of its own; a date the texts do not give stays undated and "chờ xác nhận văn
 * bản". Assessment year 2026, so "N + 1" is 2027.
 */
@HoctapTest
class TextDeadlinesTest {

  static final int YEAR = 2026;
  static final String LU = Title.LEARNING_UNIT.name();
  static final String LC = Title.LEARNING_COMMUNITY.name();

  @Autowired DeadlineService deadlines;
  @Autowired Fixtures fx;
  @Autowired OrgUnitRepository orgs;

  OrgUnit org(String code) {
    return orgs.findByCode(code).orElseThrow();
  }

  OrgUnit province() {
    return org(fx.newProvinceUnderTheTexts().code());
  }

  OrgUnit district() {
    return org(fx.newLocality(province().getCode(), OrgKind.DISTRICT).code());
  }

  OrgUnit commune() {
    return org(fx.newLocality(district().getCode(), OrgKind.COMMUNE).code());
  }

  /** A primary school (district tier of TT24) in a district of a new province. */
  OrgUnit districtUnit() {
    return org(fx.newUnit(district().getCode(), UnitKind.PRIMARY, true).code());
  }

  /** An upper-secondary school (province tier of TT24). */
  OrgUnit provinceUnit() {
    return org(fx.newUnit(province().getCode(), UnitKind.UPPER_SECONDARY, true).code());
  }

  static void dated(EffectiveDeadline e, LocalDate date, String article) {
    assertThat(e.date()).isEqualTo(date);
    assertThat(e.confirmed()).isTrue();
    assertThat(e.workingDays()).isNull();
    assertThat(e.source()).contains(article);
    assertThat(e.describe()).doesNotContain("chờ xác nhận văn bản");
  }

  static void undated(EffectiveDeadline e, String article) {
    assertThat(e.undated()).isTrue();
    assertThat(e.confirmed()).isFalse();
    assertThat(e.passed(java.time.Instant.now())).isFalse();
    assertThat(e.source()).contains(article);
    assertThat(e.describe()).contains("văn bản không ghi ngày").contains("chờ xác nhận văn bản");
  }

  @Test
  void tt24Dieu10K1c_districtUnitDossierToThePhongBefore15JanuaryOfNPlus1() {
    dated(deadlines.effective(LU, districtUnit(), DeadlineKind.SUBMISSION, YEAR), LocalDate.of(2027, 1, 15),
        "Điều 10 khoản 1");
  }

  @Test
  void tt24Dieu10K3_districtUnitRecognisedBefore15FebruaryOfNPlus1() {
    dated(deadlines.effective(LU, districtUnit(), DeadlineKind.DECISION, YEAR), LocalDate.of(2027, 2, 15),
        "Điều 10 khoản 3");
  }

  @Test
  void tt24Dieu20K3_thePhongReportsTheDistrictResultsToTheSoBefore15March() {
    EffectiveDeadline report = deadlines.effective(LU, districtUnit(), DeadlineKind.REPORT, YEAR);
    dated(report, LocalDate.of(2027, 3, 15), "Điều 20 khoản 3");
    assertThat(report.describe()).startsWith("Hạn báo cáo kết quả 15/03/2027");
  }

  @Test
  void tt24Dieu16K1_provinceUnitDossierToTheSoBefore15JanuaryOfNPlus1() {
    dated(deadlines.effective(LU, provinceUnit(), DeadlineKind.SUBMISSION, YEAR), LocalDate.of(2027, 1, 15),
        "Điều 16 khoản 1");
  }

  @Test
  void tt24Dieu16K3_provinceUnitRecognisedBefore15FebruaryOfNPlus1() {
    dated(deadlines.effective(LU, provinceUnit(), DeadlineKind.DECISION, YEAR), LocalDate.of(2027, 2, 15),
        "Điều 16 khoản 3");
  }

  @Test
  void tt24Dieu18K3_theSoReportsToTheMinistryAtTheEndOfTheSchoolYearWithoutADate() {
    undated(deadlines.effective(LU, provinceUnit(), DeadlineKind.REPORT, YEAR), "Điều 18 khoản 3");
  }

  @Test
  void tt25Dieu9K1_communeDossierToThePhongBefore28FebruaryOfNPlus1() {
    dated(deadlines.effective(LC, commune(), DeadlineKind.SUBMISSION, YEAR), LocalDate.of(2027, 2, 28),
        "Điều 9 khoản 1");
  }

  @Test
  void tt25Dieu9K3_communeRecognisedBefore31MarchOfNPlus1() {
    dated(deadlines.effective(LC, commune(), DeadlineKind.DECISION, YEAR), LocalDate.of(2027, 3, 31),
        "Điều 9 khoản 3");
  }

  @Test
  void tt25Dieu23K2_thePhongReportsCommuneResultsWithoutADate() {
    undated(deadlines.effective(LC, commune(), DeadlineKind.REPORT, YEAR), "Điều 23 khoản 2");
  }

  @Test
  void tt25Dieu14_districtDossierToTheSoBefore30AprilAndRecognisedBefore31May() {
    OrgUnit district = district();
    dated(deadlines.effective(LC, district, DeadlineKind.SUBMISSION, YEAR), LocalDate.of(2027, 4, 30), "Điều 14");
    dated(deadlines.effective(LC, district, DeadlineKind.DECISION, YEAR), LocalDate.of(2027, 5, 31), "Điều 14");
  }

  @Test
  void tt25Dieu19K1d_provinceDossierToTheMinistryBefore31JulyOfNPlus1() {
    dated(deadlines.effective(LC, province(), DeadlineKind.SUBMISSION, YEAR), LocalDate.of(2027, 7, 31),
        "Điều 19 khoản 1 điểm d");
  }

  @Test
  void tt25Dieu19K2e_theMinisterDecidesWithin20WorkingDaysOfTheCompleteValidDossier() {
    OrgUnit province = province();
    // received on Thursday 12/02/2026, the week before Tết Bính Ngọ (16–20/02/2026 are holidays: since V60 the
    // calendar holds all five Tết days, so the date is two working days later than the 17/03 of mùng 1–3 alone)
    EffectiveDeadline e = deadlines.effective(LC, province, DeadlineKind.DECISION, 2025, LocalDate.of(2026, 2, 12));
    assertThat(e.date()).isEqualTo(LocalDate.of(2026, 3, 19));
    assertThat(e.workingDays()).isEqualTo(20);
    assertThat(e.confirmed()).isTrue();
    assertThat(e.provisional()).isFalse();
    assertThat(e.source()).contains("Điều 19 khoản 2 điểm e");
    assertThat(e.describe()).isEqualTo("Hạn ra quyết định công nhận 19/03/2026 (20 ngày làm việc kể từ ngày nhận đủ"
        + " hồ sơ hợp lệ 12/02/2026)");
    // before the complete dossier arrives the date is provisional, and says so
    EffectiveDeadline waiting = deadlines.effective(LC, province, DeadlineKind.DECISION, 2025);
    assertThat(waiting.provisional()).isTrue();
    assertThat(waiting.describe()).contains("chưa nhận đủ hồ sơ, tính tạm từ hôm nay");
  }

  @Test
  void tt25Dieu21K3_theSoReportsToTheMinistryAtTheEndOfTheSchoolYearWithoutADate() {
    undated(deadlines.effective(LC, province(), DeadlineKind.REPORT, YEAR), "Điều 21 khoản 3");
  }

  @Test
  void aProvinceRowStillOverridesTheNationalDateOfTheTexts() {
    OrgUnit province = province();
    deadlines.saveRule(new DeadlineRule(LC, UnitKind.Tier.PROVINCE, DeadlineKind.SUBMISSION, province.getId(), null,
        7, 15, 1, 7, "cấu hình của tỉnh", false));
    EffectiveDeadline e = deadlines.effective(LC, province, DeadlineKind.SUBMISSION, YEAR);
    assertThat(e.date()).isEqualTo(LocalDate.of(2027, 7, 15));
    assertThat(e.describe()).contains("chờ xác nhận văn bản");
  }
}
