package vn.hoctap.award;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoctap.award.AwardFixtures.person;
import static vn.hoctap.award.AwardFixtures.request;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.hoctap.common.EngineClock;
import vn.hoctap.org.Groups;
import vn.hoctap.org.UnitKind;
import vn.hoctap.process.AwardProcess;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;

/**
 * Award amounts and standards by date (LEGAL-TEXTS §4.2, all secondary sources, hence "chờ xác nhận văn bản"):
 * Giấy khen 0,15 × mức lương cơ sở before 01/07/2025 (NĐ 98/2023), 0,3 × from then (NĐ 152/2025 Điều 54 K1), a
 * household 1,5 × the individual; mức lương cơ sở 2.340.000 đồng from 01/07/2024 (NĐ 73/2024); no "lower award
 * first" for lists proposed from 01/07/2025 (NĐ 152/2025 Điều 4).
 */
@HoctapTest
class AwardAmountsAndDatesTest {

  static final CurrentUser ADMIN = new CurrentUser("admin", List.of(Groups.ADMIN));

  @Autowired AwardAmounts amounts;
  @Autowired AwardService awards;
  @Autowired AwardFixtures af;
  @Autowired Fixtures fx;

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  private static void today(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(EngineClock.ZONE).toInstant()));
  }

  @Test
  void nd98_2023_giayKhenOn30062025Is015TimesTheBaseSalary_351000Dong() {
    AwardAmounts.Amount a = amounts.of(AwardForm.GIAY_KHEN, CandidateKind.INDIVIDUAL, LocalDate.of(2025, 6, 30));
    assertThat(a.dong()).isEqualTo(351_000L);
    assertThat(a.text()).isEqualTo("351.000 đồng");
    assertThat(a.explanation()).startsWith("0,15 × mức lương cơ sở 2.340.000 đồng").contains("NĐ 73/2024");
    assertThat(a.source()).contains("NĐ 98/2023");
    assertThat(a.confirmed()).as("secondary source: chờ xác nhận văn bản").isFalse();
  }

  @Test
  void nd152_2025Dieu54K1_giayKhenFrom01072025Is03TimesTheBaseSalary_702000Dong() {
    AwardAmounts.Amount a = amounts.of(AwardForm.GIAY_KHEN, CandidateKind.INDIVIDUAL, LocalDate.of(2025, 7, 1));
    assertThat(a.dong()).isEqualTo(702_000L);
    assertThat(a.explanation()).startsWith("0,3 × mức lương cơ sở 2.340.000 đồng");
    assertThat(a.source()).contains("NĐ 152/2025/NĐ-CP Điều 54 khoản 1");
  }

  @Test
  void nd152_2025_aHouseholdGets15TimesTheIndividualsGiayKhenAmount_1053000Dong() {
    AwardAmounts.Amount a = amounts.of(AwardForm.GIAY_KHEN, CandidateKind.HOUSEHOLD, LocalDate.of(2025, 7, 1));
    assertThat(a.dong()).isEqualTo(1_053_000L);
    assertThat(a.explanation()).startsWith("1,5 × 702.000 đồng của cá nhân (0,3 × mức lương cơ sở");
    assertThat(a.confirmed()).isFalse();
  }

  @Test
  void amountsTheDataDoesNotHaveAreUnknown_notGuessed() {
    // the project holds no household multiple before 01/07/2025, no collective Giấy khen amount, and no base
    // salary before 01/07/2024 (NĐ 73/2024)
    assertThat(amounts.of(AwardForm.GIAY_KHEN, CandidateKind.HOUSEHOLD, LocalDate.of(2025, 6, 30)).dong()).isNull();
    AwardAmounts.Amount collective = amounts.of(AwardForm.GIAY_KHEN, CandidateKind.COLLECTIVE,
        LocalDate.of(2025, 7, 1));
    assertThat(collective.dong()).isNull();
    assertThat(collective.text()).isEqualTo("Chưa xác định");
    assertThat(collective.explanation()).contains("chờ xác nhận văn bản");
    assertThat(amounts.of(AwardForm.GIAY_KHEN, CandidateKind.INDIVIDUAL, LocalDate.of(2024, 6, 30)).explanation())
        .startsWith("Chưa có mức lương cơ sở áp dụng ngày 30/06/2024");
  }

  @Test
  void nd152_2025Dieu54K1_aGiayKhenDecidedIn2026ShowsItsAmountOnTheProposalAndTheDecision() {
    today(LocalDate.of(2026, 1, 20));
    TestUnit school = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    AwardFixtures.Council council = af.council(school.code(), 3);
    ProposalRequest.Candidate household = new ProposalRequest.Candidate(CandidateKind.HOUSEHOLD.name(),
        "Hộ ông Lê Văn Tư", school.code(), null, "Gia đình hiếu học", List.of(), List.of());
    Long proposal = af.propose(school.head(), request(school.code(), AwardForm.GIAY_KHEN, 2025,
        person("Nguyễn Thị Hoa", school.code()), household));
    Long person = af.candidate(proposal, 0);
    Long family = af.candidate(proposal, 1);
    assertThat(awards.candidate(person).amount().dong()).isEqualTo(702_000L);
    assertThat(awards.candidate(family).amount().dong()).isEqualTo(1_053_000L);
    for (Long c : List.of(person, family)) {
      for (String m : council.members()) {
        af.vote(c, m, CouncilService.YES);
      }
      af.close(c, council.secretary());
      af.sign(c, school.head(), AwardProcess.APPROVE, null);
    }
    AwardViews.Decision d = awards.decision(awards.candidate(person).decisionId(), ADMIN);
    assertThat(d.list()).extracting(l -> l.amount().dong()).containsExactly(702_000L, 1_053_000L);
    assertThat(d.totalText()).isEqualTo("1.755.000 đồng");
    assertThat(d.allConfirmed()).isFalse();
  }

  // ---- "lower award first" (Luật TĐKT 2022 Điều 73 as TTG-CN-1) ends for lists proposed from 01/07/2025 ----

  private Long primeMinistersBangKhenWithoutAProvincialOne(LocalDate proposedOn) {
    today(proposedOn);
    TestUnit province = fx.newProvince();
    TestUnit school = fx.newUnit(province.code(), UnitKind.UPPER_SECONDARY, true);
    af.council(province.code(), 3);
    List<ProposalRequest.Achievement> record = new ArrayList<>();
    for (int y = 2020; y <= 2024; y++) {
      record.add(new ProposalRequest.Achievement(y, AchievementKind.RATING_GOOD.name(), null));
    }
    for (int y : new int[] {2020, 2022, 2024}) {
      record.add(new ProposalRequest.Achievement(y, AchievementKind.CSTD_CO_SO.name(), "QĐ CSTĐCS " + y));
    }
    return af.candidate(af.propose(province.head(), request(province.code(), AwardForm.BANG_KHEN_TTG, 2024,
        person("Phạm Thị Lan", school.code(), record.toArray(ProposalRequest.Achievement[]::new)))), 0);
  }

  @Test
  void luatTdkt2022Dieu73_proposedOn30062025APrimeMinistersBangKhenWithoutALowerBangKhenIsRefused() {
    Long c = primeMinistersBangKhenWithoutAProvincialOne(LocalDate.of(2025, 6, 30));
    AwardViews.Candidate v = awards.candidate(c);
    assertThat(v.status()).isEqualTo(CandidateStatus.INELIGIBLE.name());
    assertThat(v.eligibility()).contains("[Không đạt] TTG-CN-1").contains("[Đạt] TTG-CN-2")
        .contains("[Đạt] TTG-CN-3");
  }

  @Test
  void nd152_2025Dieu4_proposedOn01072025AHigherAwardWithoutALowerOneIsAccepted() {
    Long c = primeMinistersBangKhenWithoutAProvincialOne(LocalDate.of(2025, 7, 1));
    AwardViews.Candidate v = awards.candidate(c);
    assertThat(v.eligible()).isTrue();
    assertThat(v.status()).isNotEqualTo(CandidateStatus.INELIGIBLE.name());
    assertThat(v.eligibility()).startsWith("Đủ điều kiện").contains("[Không áp dụng] TTG-CN-1")
        .contains("Không áp dụng cho danh sách lập ngày 01/07/2025").contains("NĐ 152/2025/NĐ-CP Điều 4");
    assertThat(v.eligibilityLines()).filteredOn(l -> l.code().equals("TTG-CN-1")).singleElement()
        .satisfies(l -> assertThat(l.verdict()).isEqualTo("Không áp dụng"));
  }
}
