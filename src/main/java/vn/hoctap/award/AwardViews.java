package vn.hoctap.award;

import java.time.LocalDate;
import java.util.List;

/** Read models of the award feature, as the API and the pages show them. */
public final class AwardViews {

  private AwardViews() {}

  public record Proposal(Long id, String proposerCode, String proposerName, String form, String formLabel,
      String movement, String periodKind, String periodLabel, int periodYear, String submission, String report,
      String createdBy, List<Candidate> candidates) {}

  public record Candidate(Long id, Long awardeeId, String kind, String kindLabel, String name, String orgName,
      String position, String summary, String status, String statusLabel, String currentBody, Boolean eligible,
      String eligibility, List<Evidence> evidence, List<Review> reviews, String decisionNo, Long decisionId) {}

  public record Evidence(String kind, Long recognitionId, String description) {}

  public record Review(Long id, String body, String status, int membersTotal, Integer present, Integer yes,
      Integer no, Boolean tie, String ruleApplied, String minutes) {}

  public record Awardee(Long id, String kind, String kindLabel, String name, String orgCode, String orgName,
      String position, List<TitleHeld> titles, List<Certified> certified, List<AwardHeld> awards,
      List<Integer> years) {

    public List<Certified> certifiedIn(int year) {
      return certified.stream().filter(c -> c.year() == year).toList();
    }

    public List<TitleHeld> titlesIn(int year) {
      return titles.stream().filter(t -> t.year() == year).toList();
    }

    public List<AwardHeld> awardsIn(int year) {
      return awards.stream().filter(w -> w.year() == year).toList();
    }
  }

  /** A title recorded by hoctap (recognition table), with its decision. */
  public record TitleHeld(int year, String title, int level, String decisionNo, LocalDate decisionDate,
      String signerTitle, String decisionLink) {}

  /** A title, rating or earlier award certified by a proposing body (not decided in hoctap), with its reference. */
  public record Certified(int year, String label, String reference) {}

  public record AwardHeld(int year, String form, String formLabel, String period, String decisionNo,
      LocalDate decisionDate, String signerTitle, Long decisionId, String decisionLink) {}

  public record Decision(Long id, Long proposalId, String form, String formLabel, String decisionNo,
      LocalDate decisionDate, String signerOrg, String signerTitle, String signedBy, List<DecisionLine> list) {}

  public record DecisionLine(Long awardeeId, String kindLabel, String name, String orgName, String position) {}
}
