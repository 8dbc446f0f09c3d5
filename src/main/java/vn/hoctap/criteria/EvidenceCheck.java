package vn.hoctap.criteria;

import java.util.List;
import java.util.Map;

/**
 * The evidence (minh chứng) behind each indicator of a dossier, and what it means at this gateway. TT24 Điều 9
 * khoản 3 (Điều 15 khoản 3 for the province): "Các tiêu chí, chỉ tiêu không có minh chứng phù hợp được đánh giá là
 * không đạt". At the unit's own self-assessment a missing piece only warns ({@link Mode#WARN}): the team may still be
 * collecting it and the head decides whether to submit. At the receiving body's appraisal it decides
 * ({@link Mode#DECIDE}): an indicator with no accepted evidence is "không đạt".
 */
public record EvidenceCheck(Mode mode, Map<String, IndicatorEvidence> byCode) {

  public enum Mode {
    /** Evidence is not looked at (TT25 has no such clause; old criteria versions). */
    NONE,
    /** Missing evidence is named in the result but does not change it. */
    WARN,
    /** Missing evidence makes the indicator "không đạt". */
    DECIDE
  }

  /**
   * The evidence of one indicator: files not marked "không phù hợp" ({@code accepted}, a file not yet marked counts:
   * the reviewer has not objected to it), files marked "không phù hợp" with the reviewer's reasons, and hoctap's own
   * record that stands as evidence for a value it supplied itself (e.g. the decision of a "Công dân học tập" round),
   * or null.
   */
  public record IndicatorEvidence(int accepted, List<String> rejectedReasons, String record) {

    public IndicatorEvidence {
      rejectedReasons = rejectedReasons == null ? List.of() : List.copyOf(rejectedReasons);
    }

    public boolean suitable() {
      return accepted > 0 || record != null;
    }

    /** In words, e.g. "2 tệp minh chứng; 1 tệp không phù hợp". */
    public String describe() {
      StringBuilder sb = new StringBuilder();
      if (accepted > 0) {
        sb.append(accepted).append(" tệp minh chứng");
      }
      if (record != null) {
        sb.append(sb.isEmpty() ? "" : "; ").append(record);
      }
      if (!rejectedReasons.isEmpty()) {
        sb.append(sb.isEmpty() ? "" : "; ").append(rejectedReasons.size())
            .append(" tệp bị đánh giá không phù hợp (").append(String.join("; ", rejectedReasons)).append(')');
      }
      return sb.isEmpty() ? "chưa có minh chứng" : sb.toString();
    }
  }

  public static final EvidenceCheck NOT_CHECKED = new EvidenceCheck(Mode.NONE, Map.of());

  public EvidenceCheck {
    byCode = byCode == null ? Map.of() : Map.copyOf(byCode);
  }

  public IndicatorEvidence of(String code) {
    return byCode.getOrDefault(code, new IndicatorEvidence(0, List.of(), null));
  }
}
