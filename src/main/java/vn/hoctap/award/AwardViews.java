package vn.hoctap.award;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Read models of the award feature, as the API and the pages show them. */
public final class AwardViews {

  private AwardViews() {}

  public record Proposal(Long id, String proposerCode, String proposerName, String form, String formLabel,
      String movement, String periodKind, String periodLabel, int periodYear, String submission, String report,
      String createdBy, Instant createdAt, List<Candidate> candidates) {}

  public record Candidate(Long id, Long awardeeId, String kind, String kindLabel, String name, String orgName,
      String position, String summary, String status, String statusLabel, String currentBody, Boolean eligible,
      String eligibility, List<EligibilityService.Line> eligibilityLines, List<Evidence> evidence,
      List<Review> reviews, String decisionNo, Long decisionId, AwardAmounts.Amount amount) {}

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
      String signerTitle, String decisionLink, String dossierPage) {}

  /** A title, rating or earlier award certified by a proposing body (not decided in hoctap), with its reference. */
  public record Certified(int year, String label, String reference) {}

  public record AwardHeld(int year, String form, String formLabel, String period, String decisionNo,
      LocalDate decisionDate, String signerTitle, Long decisionId, String decisionLink) {}

  public record Decision(Long id, Long proposalId, String form, String formLabel, String decisionNo,
      LocalDate decisionDate, String signerOrg, String signerTitle, String signedBy, List<DecisionLine> list) {

    /** The sum of the known amounts, null when one of them is unknown. */
    public Long totalDong() {
      long sum = 0;
      for (DecisionLine l : list) {
        if (l.amount() == null || l.amount().dong() == null) {
          return null;
        }
        sum += l.amount().dong();
      }
      return sum;
    }

    /** The total in words ("1.404.000 đồng"), or "Chưa xác định". */
    public String totalText() {
      Long t = totalDong();
      return t == null ? "Chưa xác định" : AwardAmounts.money(t);
    }

    public boolean allConfirmed() {
      return list.stream().allMatch(l -> l.amount() != null && l.amount().confirmed());
    }
  }

  /** One awardee of a decision, with the cash of its award on the decision's day. */
  public record DecisionLine(Long awardeeId, String kindLabel, String name, String orgName, String position,
      AwardAmounts.Amount amount) {}

  /** A file of a proposal list (tờ trình, báo cáo thành tích), without its content. */
  public record File(Long id, String kindLabel, String fileName, String contentType, long sizeBytes,
      String uploadedBy, Instant uploadedAt) {}

  public record FileContent(String fileName, String contentType, byte[] content) {}

  /** One line of a proposal's history; the actor is a login (null for the system), the action a code. */
  public record Event(Instant at, String actor, String action, String comment, String details,
      String candidateName) {}
}
