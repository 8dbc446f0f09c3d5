package vn.hoctap.citizen;

import java.util.EnumSet;
import java.util.Set;
import vn.hoctap.common.DomainException;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnit;

/**
 * Who prepares, reviews and decides a round, from the organisation tree (no org code in the BPMN): a unit's
 * Tổ đánh giá, its council (Hội đồng) and its head; a commune's committee staff, council and chairman for its
 * residents; a village's team, its Hội Khuyến học branch (chi hội) and the commune's chairman (UBND xã).
 */
public record RoundRoute(String preparerGroup, String reviewerGroup, String deciderGroup, OrgUnit deciderOrg,
    String deciderTitle, Set<Subject> subjects) {

  public static RoundRoute of(RoundKind kind, OrgUnit org) {
    String code = org.getCode();
    if (kind == RoundKind.CITIZEN && org.getKind() == OrgKind.UNIT) {
      return new RoundRoute(Groups.team(code), Groups.council(code), Groups.head(code), org,
          "Thủ trưởng " + org.getName(), EnumSet.of(Subject.OFFICIAL, Subject.WORKER, Subject.LEARNER));
    }
    if (kind == RoundKind.CITIZEN && org.getKind() == OrgKind.COMMUNE) {
      return new RoundRoute(Groups.committee(code), Groups.council(code), Groups.chair(code), org,
          "Chủ tịch UBND " + org.getName(), EnumSet.of(Subject.RESIDENT));
    }
    if (kind == RoundKind.VILLAGE && org.getKind() == OrgKind.VILLAGE) {
      OrgUnit commune = org.nearest(OrgKind.COMMUNE);
      if (commune == null) {
        throw DomainException.rule("Thôn \"" + org.getName() + "\" không thuộc xã, phường nào trong cây tổ chức.");
      }
      return new RoundRoute(Groups.team(code), Groups.branch(code), Groups.chair(commune.getCode()), commune,
          "Chủ tịch UBND " + commune.getName(), EnumSet.of(Subject.FAMILY, Subject.CLAN, Subject.VILLAGE));
    }
    throw DomainException.rule(kind == RoundKind.CITIZEN
        ? "Đợt đánh giá Công dân học tập do trường, cơ quan, đơn vị (cho thành viên) hoặc xã, phường (cho người dân)"
            + " tổ chức; \"" + org.getName() + "\" không phải."
        : "Đợt đánh giá gia đình, dòng họ học tập do thôn, tổ dân phố tổ chức; \"" + org.getName()
            + "\" không phải thôn, tổ dân phố.");
  }

  public void requireSubject(Subject s) {
    if (!subjects.contains(s)) {
      throw DomainException.badInput("Đợt đánh giá này nhận " + String.join("; ", subjects.stream()
          .map(Subject::label).toList()) + "; không nhận \"" + s.label() + "\".");
    }
  }

  /** Who prepares the list, in words: "Tổ đánh giá" of a unit or village, "cán bộ UBND" of a commune. */
  public String preparerRole() {
    return preparerGroup.startsWith("committee-") ? "Cán bộ UBND" : "Tổ đánh giá";
  }

  /** Who reviews it, in words. */
  public String reviewerRole() {
    return reviewerGroup.startsWith("branch-") ? "Chi hội khuyến học" : "Hội đồng đánh giá";
  }

  /** Who decides, in words. */
  public String deciderRole() {
    return deciderGroup.startsWith("head-") ? "Thủ trưởng" : "Chủ tịch UBND";
  }
}
