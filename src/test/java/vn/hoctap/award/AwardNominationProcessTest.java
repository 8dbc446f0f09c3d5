package vn.hoctap.award;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoctap.award.AwardFixtures.collective;
import static vn.hoctap.award.AwardFixtures.person;
import static vn.hoctap.award.AwardFixtures.request;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.common.Throwables;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.org.UnitKind;
import vn.hoctap.process.AwardProcess;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;

/**
 * processes/award-nomination.bpmn on the real engine and database, acting as each council member, secretary and
 * signer with the engine's authorization checks on.
 */
@HoctapTest
class AwardNominationProcessTest {

  static final int YEAR = 2025;
  static final CurrentUser ADMIN = new CurrentUser("admin", List.of(Groups.ADMIN));

  @Autowired Fixtures fx;
  @Autowired AwardFixtures af;
  @Autowired AwardService awards;
  @Autowired CouncilService councils;
  @Autowired OrgUnitRepository orgs;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;

  @BeforeEach
  void clock() {
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 1, 20).atTime(9, 0).atZone(EngineClock.ZONE).toInstant()));
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  @Test
  void aGiayKhenIsDecidedAtTheUnit() {
    TestUnit school = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    AwardFixtures.Council council = af.council(school.code(), 3);
    Long proposal = af.propose(school.head(), request(school.code(), AwardForm.GIAY_KHEN, YEAR,
        person("Nguyễn Thị Hoa", school.code())));
    Long c = af.candidate(proposal, 0);
    assertThat(af.votes(c)).hasSize(3).extracting(af::memberOf).containsExactlyInAnyOrderElementsOf(council.members());
    // Giấy khen criteria await the official text: they go to the council, they do not refuse alone
    assertThat(awards.candidate(c).eligibility()).contains("Hội đồng xem xét").contains("chờ xác nhận văn bản");

    for (String m : council.members()) {
      af.vote(c, m, CouncilService.YES);
    }
    af.close(c, council.secretary());
    assertThat(awards.candidate(c).status()).isEqualTo(CandidateStatus.AWAITING_SIGNATURE.name());
    af.sign(c, school.head(), AwardProcess.APPROVE, null);

    AwardViews.Candidate done = awards.candidate(c);
    assertThat(done.status()).isEqualTo(CandidateStatus.AWARDED.name());
    assertThat(done.reviews()).singleElement().satisfies(r -> {
      assertThat(r.status()).isEqualTo("PASSED");
      assertThat(r.yes()).isEqualTo(3);
      assertThat(r.minutes()).startsWith("BIÊN BẢN XÉT KHEN THƯỞNG").contains("THÔNG QUA");
    });
    AwardViews.Decision d = awards.decision(done.decisionId(), ADMIN);
    assertThat(d.decisionNo()).isEqualTo("1/QĐ-" + school.code());
    assertThat(d.decisionDate()).isEqualTo(LocalDate.of(2026, 1, 20));
    assertThat(d.list()).extracting(AwardViews.DecisionLine::name).containsExactly("Nguyễn Thị Hoa");
    AwardViews.Awardee page = awards.awardee(done.awardeeId(), ADMIN);
    assertThat(page.awards()).singleElement().satisfies(a -> {
      assertThat(a.form()).isEqualTo("GIAY_KHEN");
      assertThat(a.year()).isEqualTo(YEAR);
      assertThat(a.decisionLink()).isEqualTo("/khen-thuong/quyet-dinh/" + d.id());
    });
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(af.businessKey(c)).count()).isZero();
  }

  @Test
  void aProvincialBangKhenProposedByADistrictPassesTwoCouncils() {
    TestUnit province = fx.newProvince();
    TestUnit district = fx.newLocality(province.code(), OrgKind.DISTRICT);
    TestUnit school = fx.newUnit(district.code(), UnitKind.PRIMARY, true);
    AwardFixtures.Council districtCouncil = af.council(district.code(), 3);
    AwardFixtures.Council provinceCouncil = af.council(province.code(), 3);
    String signer = af.user("ct." + province.code().toLowerCase(), Groups.signer(province.code()));

    Long proposal = af.propose(district.head(), request(district.code(), AwardForm.BANG_KHEN_TINH, YEAR,
        collective(school.code())));
    Long c = af.candidate(proposal, 0);
    // the district council: 2 for, 1 against passes by majority
    af.vote(c, districtCouncil.members().get(0), CouncilService.YES);
    af.vote(c, districtCouncil.members().get(1), CouncilService.YES);
    af.vote(c, districtCouncil.members().get(2), CouncilService.NO);
    af.close(c, districtCouncil.secretary());

    // the district may not sign a provincial Bằng khen: forwarded to the province council, nobody signs yet
    assertThat(awards.candidate(c).currentBody()).isEqualTo(orgs.findByCode(province.code()).orElseThrow().getName());
    assertThat(af.votes(c)).extracting(af::memberOf).containsExactlyInAnyOrderElementsOf(provinceCouncil.members());
    for (String m : provinceCouncil.members()) {
      af.vote(c, m, CouncilService.YES);
    }
    af.close(c, provinceCouncil.secretary());
    af.sign(c, signer, AwardProcess.APPROVE, null);

    AwardViews.Candidate done = awards.candidate(c);
    assertThat(done.status()).isEqualTo(CandidateStatus.AWARDED.name());
    assertThat(done.reviews()).extracting(AwardViews.Review::status).containsExactly("PASSED", "PASSED");
    assertThat(done.reviews()).extracting(AwardViews.Review::yes).containsExactly(2, 3);
    AwardViews.Decision d = awards.decision(done.decisionId(), ADMIN);
    assertThat(d.decisionNo()).isEqualTo("1/QĐ-UBND");
    assertThat(d.signerTitle()).startsWith("Chủ tịch UBND");
    assertThat(d.signedBy()).isEqualTo(signer);
    // the collective's page shows the award linked to its decision
    assertThat(awards.awardee(done.awardeeId(), ADMIN).awards()).singleElement()
        .satisfies(a -> assertThat(a.decisionNo()).isEqualTo("1/QĐ-UBND"));
  }

  @Test
  void aPrimeMinistersBangKhenCandidateIsRefusedByTheEligibilityCheckWithTheReason() {
    // proposed before 01/07/2025, while "lower award first" (TTG-CN-1) still applies (NĐ 152/2025 Điều 4 after)
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2025, 6, 20).atTime(9, 0).atZone(EngineClock.ZONE).toInstant()));
    TestUnit province = fx.newProvince();
    TestUnit school = fx.newUnit(province.code(), UnitKind.UPPER_SECONDARY, true);
    af.council(province.code(), 3);
    Long proposal = af.propose(province.head(), request(province.code(), AwardForm.BANG_KHEN_TTG, YEAR,
        person("Trần Văn Minh", school.code(),
            new ProposalRequest.Achievement(2022, AchievementKind.RATING_GOOD.name(), "QĐ xếp loại 2022"),
            new ProposalRequest.Achievement(2023, AchievementKind.RATING_EXCELLENT.name(), null),
            new ProposalRequest.Achievement(2024, AchievementKind.RATING_GOOD.name(), null),
            new ProposalRequest.Achievement(2025, AchievementKind.RATING_GOOD.name(), null),
            new ProposalRequest.Achievement(2023, AchievementKind.CSTD_CO_SO.name(), "QĐ 12/QĐ-UBND"),
            new ProposalRequest.Achievement(2025, AchievementKind.CSTD_CO_SO.name(), "QĐ 30/QĐ-UBND"))));
    Long c = af.candidate(proposal, 0);

    AwardViews.Candidate refused = awards.candidate(c);
    assertThat(refused.status()).isEqualTo(CandidateStatus.INELIGIBLE.name());
    assertThat(refused.eligible()).isFalse();
    assertThat(refused.eligibility())
        .contains("Không đủ điều kiện")
        .contains("[Không đạt] TTG-CN-1").contains("Chưa có Bằng khen")
        .contains("[Không đạt] TTG-CN-2").contains("Liên tục 4 năm tính đến năm 2025").contains("thiếu các năm [2021]")
        .contains("[Không đạt] TTG-CN-3").contains("2 lần Chiến sĩ thi đua cơ sở")
        .contains("Luật Thi đua, khen thưởng 2022, Điều 73");
    assertThat(af.votes(c)).isEmpty();
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(af.businessKey(c)).count()).isZero();
    assertThat(history.createHistoricActivityInstanceQuery().activityId("EndEvent_Ineligible").list())
        .anyMatch(a -> a.getProcessInstanceId() != null);
  }

  @Test
  void anEligiblePrimeMinistersBangKhenGoesFromTheProvinceCouncilToTheNationalLevel() {
    TestUnit province = fx.newProvince();
    TestUnit school = fx.newUnit(province.code(), UnitKind.UPPER_SECONDARY, true);
    AwardFixtures.Council provinceCouncil = af.council(province.code(), 3);
    List<ProposalRequest.Achievement> record = new java.util.ArrayList<>();
    for (int y = 2021; y <= 2025; y++) {
      record.add(new ProposalRequest.Achievement(y, AchievementKind.RATING_GOOD.name(), null));
    }
    for (int y : new int[] {2021, 2023, 2025}) {
      record.add(new ProposalRequest.Achievement(y, AchievementKind.CSTD_CO_SO.name(), "QĐ CSTĐCS " + y));
    }
    record.add(new ProposalRequest.Achievement(2023, AchievementKind.BANG_KHEN_TINH.name(), "QĐ 55/QĐ-UBND"));
    Long c = af.candidate(af.propose(province.head(), request(province.code(), AwardForm.BANG_KHEN_TTG, YEAR,
        person("Ngô Thị Bích", school.code(), record.toArray(ProposalRequest.Achievement[]::new)))), 0);
    assertThat(awards.candidate(c).eligibility()).startsWith("Đủ điều kiện")
        .contains("[Không áp dụng] TTG-CN-1").contains("[Đạt] TTG-CN-2").contains("[Đạt] TTG-CN-3");

    for (String m : provinceCouncil.members()) {
      af.vote(c, m, CouncilService.YES);
    }
    af.close(c, provinceCouncil.secretary());
    // beyond the province: the national council (demo data) reviews, then the national signer
    assertThat(awards.candidate(c).currentBody()).isEqualTo("Bộ Giáo dục và Đào tạo");
    for (var t : af.votes(c)) {
      af.vote(c, af.memberOf(t), CouncilService.YES);
    }
    af.close(c, "thuky.tw");
    af.sign(c, "botruong", AwardProcess.APPROVE, null);
    AwardViews.Candidate done = awards.candidate(c);
    assertThat(done.status()).isEqualTo(CandidateStatus.AWARDED.name());
    assertThat(done.decisionNo()).endsWith("/QĐ-TTg");
    assertThat(awards.decision(done.decisionId(), ADMIN).signerTitle()).contains("Thủ tướng")
        .contains("chờ xác nhận văn bản");
    // the page shows the certified titles and the award of the year, the award linked to its decision
    AwardViews.Awardee page = awards.awardee(done.awardeeId(), ADMIN);
    assertThat(page.certifiedIn(2023)).extracting(AwardViews.Certified::label)
        .contains("Chiến sĩ thi đua cơ sở", "Bằng khen của Chủ tịch UBND tỉnh");
    assertThat(page.awardsIn(YEAR)).singleElement().satisfies(a -> {
      assertThat(a.formLabel()).isEqualTo("Bằng khen của Thủ tướng Chính phủ");
      assertThat(a.decisionLink()).isEqualTo("/khen-thuong/quyet-dinh/" + done.decisionId());
    });
    assertThat(page.years()).containsExactly(2025, 2024, 2023, 2022, 2021);
  }

  @Test
  void aCouncilWithoutQuorumCannotClose() {
    TestUnit school = fx.newUnit("HN-TT", UnitKind.LOWER_SECONDARY, true);
    AwardFixtures.Council council = af.council(school.code(), 3);
    Long c = af.candidate(af.propose(school.head(), request(school.code(), AwardForm.GIAY_KHEN, YEAR,
        person("Lê Thị Mai", school.code()))), 0);
    af.vote(c, council.members().get(0), CouncilService.YES);

    DomainException e = refusal(() -> af.close(c, council.secretary()));
    assertThat(e.getMessage()).contains("chưa đủ số thành viên dự họp").contains("1/3").contains("2/3");
    // nothing closed: the meeting and the remaining votes stay open
    assertThat(awards.candidate(c).reviews()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo("OPEN"));
    assertThat(af.votes(c)).hasSize(2);

    af.vote(c, council.members().get(1), CouncilService.YES);
    af.close(c, council.secretary());
    // the third member, who had not voted, is counted absent: their task is gone
    assertThat(af.votes(c)).isEmpty();
    assertThat(awards.candidate(c).reviews()).singleElement().satisfies(r -> {
      assertThat(r.present()).isEqualTo(2);
      assertThat(r.status()).isEqualTo("PASSED");
    });
  }

  @Test
  void aTieIsHandledByTheConfiguredRule() {
    TestUnit school = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    AwardFixtures.Council council = af.council(school.code(), 4);
    Long bodyId = orgs.findByCode(school.code()).orElseThrow().getId();
    String chair = council.members().get(1);
    councils.configure(bodyId, new CouncilService.Config(2, 3, 1, 2, TieRule.CHAIR_DECIDES, chair,
        "Quy chế Hội đồng của đơn vị (thử)", false));

    Long proposal = af.propose(school.head(), request(school.code(), AwardForm.GIAY_KHEN, YEAR,
        person("Phạm Văn Nam", school.code()), person("Đỗ Thị Lan", school.code())));
    Long withChair = af.candidate(proposal, 0);
    Long againstChair = af.candidate(proposal, 1);
    // 2 for, 2 against on both; the chair is for the first and against the second
    for (Long c : List.of(withChair, againstChair)) {
      af.vote(c, council.members().get(0), CouncilService.YES);
      af.vote(c, council.members().get(2), CouncilService.NO);
      af.vote(c, council.members().get(3), c.equals(withChair) ? CouncilService.NO : CouncilService.YES);
      af.vote(c, chair, c.equals(withChair) ? CouncilService.YES : CouncilService.NO);
      af.close(c, council.secretary());
    }
    assertThat(awards.candidate(withChair).reviews()).singleElement().satisfies(r -> {
      assertThat(r.tie()).isTrue();
      assertThat(r.status()).isEqualTo("PASSED");
      assertThat(r.ruleApplied()).contains("ngang nhau").contains("Chủ tịch Hội đồng đồng ý");
    });
    assertThat(awards.candidate(withChair).status()).isEqualTo(CandidateStatus.AWAITING_SIGNATURE.name());
    assertThat(awards.candidate(againstChair).reviews()).singleElement().satisfies(r -> {
      assertThat(r.tie()).isTrue();
      assertThat(r.status()).isEqualTo("NOT_PASSED");
    });
    assertThat(awards.candidate(againstChair).status()).isEqualTo(CandidateStatus.NOT_PASSED.name());

    // the same votes under a "fails" rule: the tie refuses
    councils.configure(bodyId, new CouncilService.Config(2, 3, 1, 2, TieRule.FAILS, null, "thử", false));
    Long third = af.candidate(af.propose(school.head(), request(school.code(), AwardForm.GIAY_KHEN, YEAR,
        person("Vũ Thị Thu", school.code()))), 0);
    af.vote(third, council.members().get(0), CouncilService.YES);
    af.vote(third, chair, CouncilService.YES);
    af.vote(third, council.members().get(2), CouncilService.NO);
    af.vote(third, council.members().get(3), CouncilService.NO);
    af.close(third, council.secretary());
    assertThat(awards.candidate(third).status()).isEqualTo(CandidateStatus.NOT_PASSED.name());
  }

  @Test
  void onlyTheMemberCastsTheirVoteAndOnlyForTheirBodysList() {
    TestUnit school = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    TestUnit other = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    AwardFixtures.Council council = af.council(school.code(), 3);
    DomainException outside = refusal(() -> af.propose(other.head(), request(school.code(), AwardForm.GIAY_KHEN,
        YEAR, person("Hoàng Văn An", school.code()))));
    assertThat(outside.kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
    Long c = af.candidate(af.propose(school.head(), request(school.code(), AwardForm.GIAY_KHEN, YEAR,
        person("Hoàng Văn An", school.code()))), 0);
    // a member does not even see another member's vote
    String first = council.members().get(0);
    assertThat(fx.as(first, () -> af.votes(c))).extracting(af::memberOf).containsExactly(first);
  }

  static DomainException refusal(ThrowingCallable action) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(action);
    DomainException e = Throwables.find(t, DomainException.class);
    if (e == null) {
      throw new AssertionError("expected a refusal, got " + t, t);
    }
    return e;
  }
}
