package vn.hoctap.award;

import java.util.List;

/**
 * A proposal list as the proposing body sends it: the tờ trình, the báo cáo thành tích and the candidates with
 * what the body certifies about each. Codes name org units; enums are given by name.
 */
public record ProposalRequest(
    String proposerCode,
    String form,
    String movement,
    String periodKind,
    Integer periodYear,
    String submission,
    String report,
    List<Candidate> candidates) {

  /** One candidate: for a collective, orgCode is the collective itself; otherwise where the person or household belongs. */
  public record Candidate(
      String kind,
      String name,
      String orgCode,
      String position,
      String summary,
      List<Achievement> achievements,
      List<String> certifications) {}

  /** A certified achievement of one year (duty rating, title or award not recorded by hoctap). */
  public record Achievement(Integer year, String kind, String reference) {}
}
