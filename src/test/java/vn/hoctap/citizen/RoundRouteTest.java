package vn.hoctap.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.hoctap.common.DomainException;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.UnitKind;

/** Who prepares, reviews and decides each kind of round, from the organisation tree alone. */
class RoundRouteTest {

  static final OrgUnit PROVINCE = new OrgUnit("P", "Tỉnh", OrgKind.PROVINCE, null, true, null, Instant.now());
  static final OrgUnit DISTRICT = new OrgUnit("P-D", "Huyện", OrgKind.DISTRICT, null, true, PROVINCE, Instant.now());
  static final OrgUnit COMMUNE = new OrgUnit("P-D-X", "xã Thử", OrgKind.COMMUNE, null, true, DISTRICT, Instant.now());
  static final OrgUnit VILLAGE = new OrgUnit("P-D-X-T", "Thôn Thử", OrgKind.VILLAGE, null, true, COMMUNE,
      Instant.now());
  static final OrgUnit SCHOOL = new OrgUnit("P-D-TH", "Trường Thử", OrgKind.UNIT, UnitKind.PRIMARY, true, DISTRICT,
      Instant.now());

  @Test
  void aUnitsMembersGoToItsCouncilAndHead() {
    RoundRoute r = RoundRoute.of(RoundKind.CITIZEN, SCHOOL);
    assertThat(r.preparerGroup()).isEqualTo("team-P-D-TH");
    assertThat(r.reviewerGroup()).isEqualTo("council-P-D-TH");
    assertThat(r.deciderGroup()).isEqualTo("head-P-D-TH");
    assertThat(r.subjects()).containsExactlyInAnyOrder(Subject.OFFICIAL, Subject.WORKER, Subject.LEARNER);
  }

  @Test
  void aCommunesResidentsGoToItsCouncilAndChairman() {
    RoundRoute r = RoundRoute.of(RoundKind.CITIZEN, COMMUNE);
    assertThat(r.preparerGroup()).isEqualTo("committee-P-D-X");
    assertThat(r.reviewerGroup()).isEqualTo("council-P-D-X");
    assertThat(r.deciderGroup()).isEqualTo("chair-P-D-X");
    assertThat(r.subjects()).containsExactly(Subject.RESIDENT);
  }

  @Test
  void aVillagesFamiliesGoToItsBranchAndTheCommuneChairman() {
    RoundRoute r = RoundRoute.of(RoundKind.VILLAGE, VILLAGE);
    assertThat(r.preparerGroup()).isEqualTo("team-P-D-X-T");
    assertThat(r.reviewerGroup()).isEqualTo("branch-P-D-X-T");
    assertThat(r.deciderGroup()).isEqualTo("chair-P-D-X");
    assertThat(r.deciderOrg()).isSameAs(COMMUNE);
    assertThat(r.subjects()).containsExactlyInAnyOrder(Subject.FAMILY, Subject.CLAN, Subject.VILLAGE);
  }

  @Test
  void otherBodiesHoldNoRound() {
    assertThatThrownBy(() -> RoundRoute.of(RoundKind.CITIZEN, DISTRICT)).isInstanceOf(DomainException.class);
    assertThatThrownBy(() -> RoundRoute.of(RoundKind.VILLAGE, SCHOOL)).isInstanceOf(DomainException.class)
        .hasMessageContaining("không phải thôn");
  }
}
