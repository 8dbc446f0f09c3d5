package vn.hoctap.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static vn.hoctap.award.AwardFixtures.person;
import static vn.hoctap.award.AwardFixtures.request;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.process.AwardProcess;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;

/**
 * Who signs a Giấy khen is data by period (award_authority, LEGAL-TEXTS.md §4.2): under Luật Thi đua, khen thưởng
 * 2022 Điều 80 the Chủ tịch UBND of a district signs its Giấy khen and the commune chairman a commune's; from
 * 01/07/2025 NĐ 129/2025/NĐ-CP gives the district chairman's powers to the commune chairman, so a district's Giấy
 * khen is refused (secondary source: "chờ xác nhận văn bản") while a commune's is still signed by its chairman. A
 * list keeps the rule in force on the day it was opened.
 */
@HoctapTest
class AwardSigningAuthorityTest {

  static final CurrentUser ADMIN = new CurrentUser("admin", List.of(Groups.ADMIN));

  @Autowired AwardService awards;
  @Autowired AwardRouting routing;
  @Autowired AwardFixtures af;
  @Autowired Fixtures fx;
  @Autowired JdbcTemplate jdbc;
  @Autowired OrgUnitRepository orgs;
  @Autowired AwardSettings settings;

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  private static void today(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(EngineClock.ZONE).toInstant()));
  }

  /** A Giấy khen list of that body (with its council of three) for one person, proposed today. */
  private Long giayKhen(TestUnit body) {
    af.council(body.code(), 3);
    return af.candidate(awards.propose(request(body.code(), AwardForm.GIAY_KHEN, 2025,
        person("Trần Văn Bình", body.code())), ADMIN), 0);
  }

  private int proposalsOf(String code) {
    return jdbc.queryForObject("select count(*) from award_proposal p join org_unit o on o.id = p.proposer_org_id"
        + " where o.code = ?", Integer.class, code);
  }

  @Test
  void luatTdkt2022Dieu80_aDistrictsGiayKhenOpenedOn30062025IsSignedByTheDistrictChairman() {
    today(LocalDate.of(2025, 6, 30));
    TestUnit district = fx.newLocality(fx.newProvince().code(), OrgKind.DISTRICT);
    Long c = giayKhen(district);
    assertThat(awards.signingBody(c).getCode()).isEqualTo(district.code());
    assertThat(routing.signerTitle(awards.signingBody(c))).isEqualTo("Chủ tịch UBND Địa phương thử "
        + district.code());
    Long kept = jdbc.queryForObject("select a.id from award_proposal p join award_authority a on a.id ="
        + " p.authority_id where p.id = ?", Long.class, awards.proposalOf(c));
    assertThat(jdbc.queryForObject("select source from award_authority where id = ?", String.class, kept))
        .contains("Luật Thi đua, khen thưởng 2022, Điều 80");
  }

  @Test
  void nd129_2025_aDistrictsGiayKhenOpenedOn01072025IsRefusedSayingWhatToDo_nothingSaved() {
    today(LocalDate.of(2025, 7, 1));
    TestUnit district = fx.newLocality(fx.newProvince().code(), OrgKind.DISTRICT);
    DomainException refused = catchThrowableOfType(() -> giayKhen(district), DomainException.class);
    assertThat(refused).isNotNull();
    assertThat(refused.fieldProblems()).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("form");
      assertThat(p.message()).startsWith("\"Địa phương thử " + district.code() + "\" không đề nghị được Giấy khen.")
          .contains("Từ 01/07/2025, theo Nghị định 129/2025/NĐ-CP", "chờ xác nhận văn bản",
              "Hãy chọn đúng đơn vị đề nghị: xã, phường, đặc khu (Giấy khen của Chủ tịch UBND cấp xã)",
              "Bằng khen của Chủ tịch UBND tỉnh");
    });
    assertThat(proposalsOf(district.code())).as("nothing saved").isZero();
    // the rule is data, unconfirmed, and a provincial Bằng khen of the same district still goes to the province
    AwardAuthority rule = routing.inForce(orgs.findByCode(district.code()).orElseThrow(), AwardForm.GIAY_KHEN,
        LocalDate.of(2025, 7, 1)).orElseThrow();
    assertThat(rule.signer()).isEqualTo(AwardAuthority.Signer.NONE);
    assertThat(rule.confirmed()).isFalse();
    assertThat(rule.source()).contains("Nghị định 129/2025/NĐ-CP");
  }

  @Test
  void luatTdkt2022Dieu80_nd129_2025_aCommunesGiayKhenIsSignedByTheCommuneChairmanBeforeAndAfter01072025() {
    TestUnit province = fx.newProvince();
    TestUnit district = fx.newLocality(province.code(), OrgKind.DISTRICT);
    TestUnit underDistrict = fx.newLocality(district.code(), OrgKind.COMMUNE);
    TestUnit twoTier = fx.newLocality(province.code(), OrgKind.COMMUNE);
    for (LocalDate day : List.of(LocalDate.of(2025, 6, 30), LocalDate.of(2025, 7, 1), LocalDate.of(2026, 12, 1))) {
      today(day);
      for (TestUnit commune : List.of(underDistrict, twoTier)) {
        Long c = giayKhen(commune);
        assertThat(awards.signingBody(c).getCode()).as(commune.code() + " on " + day).isEqualTo(commune.code());
        assertThat(routing.signerTitle(awards.signingBody(c))).isEqualTo("Chủ tịch UBND Địa phương thử "
            + commune.code());
      }
    }
  }

  @Test
  void nd129_2025_aDistrictsListOpenedOn30062025KeepsItsSignerWhenDecidedAfter01072025() {
    today(LocalDate.of(2025, 6, 30));
    TestUnit district = fx.newLocality(fx.newProvince().code(), OrgKind.DISTRICT);
    AwardFixtures.Council council = af.council(district.code(), 3);
    String chairman = af.user("chutich." + district.code().toLowerCase(), Groups.signer(district.code()));
    Long c = giayKhen(district);

    today(LocalDate.of(2025, 7, 15));
    for (String m : council.members()) {
      af.vote(c, m, CouncilService.YES);
    }
    af.close(c, council.secretary());
    af.sign(c, chairman, AwardProcess.APPROVE, null);
    AwardViews.Candidate done = awards.candidate(c);
    assertThat(done.status()).isEqualTo(CandidateStatus.AWARDED.name());
    AwardViews.Decision d = awards.decision(done.decisionId(), ADMIN);
    assertThat(d.signerTitle()).isEqualTo("Chủ tịch UBND Địa phương thử " + district.code());
    assertThat(d.decisionDate()).isEqualTo(LocalDate.of(2025, 7, 15));
    // the amount is of the decision's day: 0,3 × mức lương cơ sở (NĐ 152/2025 Điều 54 K1)
    assertThat(done.amount().dong()).isEqualTo(702_000L);
    assertThat(done.amount().day()).isEqualTo(LocalDate.of(2025, 7, 15));
  }

  @Test
  void aProvincesOwnRowWinsOverTheNationalOne_andTwoRowsOfOneProvinceMayNotShareADay() {
    TestUnit province = fx.newProvince();
    TestUnit other = fx.newProvince();
    // a test configuration only (no text says so): this province routes its districts' Giấy khen to the province
    AwardAuthority own = settings.saveAuthority("admin", null, new AwardSettings.AuthorityEdit("GIAY_KHEN",
        "DISTRICT", province.code(), "01/07/2025", "", "PROVINCE", "", "cấu hình thử", false, null));
    assertThat(own.provinceName()).isEqualTo("Tỉnh thử " + province.code());
    today(LocalDate.of(2025, 7, 1));
    TestUnit district = fx.newLocality(province.code(), OrgKind.DISTRICT);
    assertThat(awards.signingBody(giayKhen(district)).getCode()).isEqualTo(province.code());
    TestUnit elsewhere = fx.newLocality(other.code(), OrgKind.DISTRICT);
    assertThat(catchThrowableOfType(() -> giayKhen(elsewhere), DomainException.class).fieldProblems())
        .singleElement().satisfies(p -> assertThat(p.message()).contains("Nghị định 129/2025/NĐ-CP"));

    DomainException overlap = catchThrowableOfType(() -> settings.saveAuthority("admin", null,
        new AwardSettings.AuthorityEdit("GIAY_KHEN", "DISTRICT", province.code(), "01/01/2026", "31/12/2026", "OWN",
            "", "cấu hình thử", false, null)), DomainException.class);
    assertThat(overlap.fieldProblems()).singleElement().satisfies(p -> {
      assertThat(p.field()).isEqualTo("validFrom");
      assertThat(p.message()).isEqualTo("Trùng thời gian hiệu lực với quy định số " + own.id() + " (Giấy khen, "
          + "huyện / quận, từ 01/07/2025 (Tỉnh thử " + province.code() + "), Chủ tịch UBND tỉnh / thành phố). Sửa"
          + " ngày của quy định đó trước.");
    });
    DomainException noWords = catchThrowableOfType(() -> settings.saveAuthority("admin", own.id(),
        new AwardSettings.AuthorityEdit(null, null, null, "01/07/2025", "", "NONE", " ", "cấu hình thử", false,
            own.version())), DomainException.class);
    assertThat(noWords.fieldProblems()).extracting(DomainException.Problem::field).containsExactly("refusal");
    assertThat(settings.authority(own.id()).signer()).as("nothing saved").isEqualTo(AwardAuthority.Signer.PROVINCE);
  }
}
