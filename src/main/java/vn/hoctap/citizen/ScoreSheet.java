package vn.hoctap.citizen;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A scored criteria sheet (bộ tiêu chí chấm điểm) of one population or household kind, as data: its indicators
 * with their maximum points, and the pass rule. "Công dân học tập" passes with a total of at least 80 of 100 and
 * no indicator below 5 (QĐ 324/QĐ-KHVN, confirmed); where the pass rule is not confirmed (family, clan, village)
 * the thresholds are null and each entry needs a person's judgement ("chờ xác nhận văn bản").
 */
public record ScoreSheet(String code, int version, Subject subject, String name, String source, PassRule passRule,
    List<Item> indicators) {

  public static final String PENDING = "chờ xác nhận văn bản";

  /** One indicator (chỉ tiêu): scored from 0 to {@code max}. */
  public record Item(String code, String group, String text, BigDecimal max, boolean confirmed, String source) {}

  /** Pass when total ≥ minTotal and every indicator ≥ minPerIndicator; unconfirmed: a person judges. */
  public record PassRule(BigDecimal minTotal, BigDecimal minPerIndicator, BigDecimal maxTotal, boolean confirmed,
      String source) {}

  /** A person's judgement where the pass rule awaits the official text. */
  public enum Judgement {
    MET("Đạt"), NOT_MET("Không đạt");

    private final String label;

    Judgement(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** "Đạt" / "Không đạt" (any case) or the enum name; null if neither. */
    public static Judgement parse(String s) {
      if (s == null) {
        return null;
      }
      String t = s.strip().toLowerCase();
      for (Judgement j : values()) {
        if (t.equals(j.label.toLowerCase()) || t.equalsIgnoreCase(j.name())) {
          return j;
        }
      }
      return null;
    }
  }

  /** The outcome of one entry, explaining itself. */
  public record Score(BigDecimal total, boolean passed, String explanation) {}

  public ScoreSheet {
    indicators = List.copyOf(indicators);
    if (indicators.isEmpty()) {
      throw new IllegalArgumentException("Bộ tiêu chí " + code + " không có chỉ tiêu nào");
    }
    if (passRule.confirmed() && (passRule.minTotal() == null || passRule.minPerIndicator() == null)) {
      throw new IllegalArgumentException("Bộ tiêu chí " + code + ": quy tắc đạt đã xác nhận cần đủ ngưỡng");
    }
    if (passRule.maxTotal() != null) {
      BigDecimal sum = indicators.stream().map(Item::max).reduce(BigDecimal.ZERO, BigDecimal::add);
      if (sum.compareTo(passRule.maxTotal()) != 0) {
        throw new IllegalArgumentException("Bộ tiêu chí " + code + ": tổng điểm tối đa các chỉ tiêu là " + sum
            + ", không bằng " + passRule.maxTotal());
      }
    }
  }

  /** True when a person must judge each entry (Đạt / Không đạt): the pass rule awaits the official text. */
  public boolean needsJudgement() {
    return !passRule.confirmed();
  }

  /** Scores one entry; {@code scores} are in the order of {@link #indicators()} and already range-checked. */
  public Score evaluate(BigDecimal[] scores, Judgement judgement) {
    BigDecimal total = BigDecimal.ZERO;
    for (BigDecimal s : scores) {
      total = total.add(s);
    }
    if (needsJudgement()) {
      boolean met = judgement == Judgement.MET;
      return new Score(total, met, "Ngưỡng đạt " + PENDING + ": kết quả theo nhận định "
          + (judgement == null ? "(chưa có)" : "\"" + judgement.label() + "\"") + " của người đánh giá, tổng "
          + plain(total) + " điểm.");
    }
    List<String> failures = new ArrayList<>();
    if (total.compareTo(passRule.minTotal()) < 0) {
      failures.add("tổng " + plain(total) + " điểm, dưới " + plain(passRule.minTotal()));
    }
    for (int i = 0; i < scores.length; i++) {
      if (scores[i].compareTo(passRule.minPerIndicator()) < 0) {
        failures.add("chỉ tiêu " + indicators.get(i).code() + " được " + plain(scores[i]) + " điểm, dưới "
            + plain(passRule.minPerIndicator()));
      }
    }
    return failures.isEmpty() ? new Score(total, true, null)
        : new Score(total, false, "Không đạt: " + String.join("; ", failures) + ".");
  }

  static String plain(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString().replace('.', ',');
  }
}
