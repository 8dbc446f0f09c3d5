package vn.hoctap.criteria;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import vn.hoctap.org.UnitProfile;

/**
 * One indicator (chỉ tiêu) of a criterion, or one part of it where the text asks two things of different units
 * (e.g. TC3.CT1 for Thành viên and TC3.CT1.HS for Người học). {@code text} is the official wording, {@code source}
 * the article, clause and point (Điều, khoản, điểm) it comes from, {@code part} (optional) says in hoctap's words
 * which part of the text this check measures.
 *
 * <p>{@code threshold} is kept as text because its meaning depends on the rule (a percentage, a count, an enum
 * name, INCREASE/DECREASE); it is checked here so that a bad data file or a bad revision fails at load time, not
 * during an evaluation. {@code difficultAreaThreshold} replaces it for a commune in a difficult area (TT25).
 * {@code population} says whom a ratio counts. {@code feed} says where hoctap already holds the value.
 *
 * <p>{@code confirmed = false} marks an indicator awaiting the official text ("chờ xác nhận văn bản"): it is never
 * decided by its threshold alone. {@code pending} lists the points of a confirmed indicator that the texts leave
 * open (kept as data, shown as "chờ xác nhận văn bản"); {@code remark} is a note for readers, e.g. a drafting slip of
 * the official text.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Indicator(
    String code,
    String text,
    String part,
    RuleKind rule,
    @JsonSerialize(using = Indicator.ThresholdSerializer.class) String threshold,
    @JsonSerialize(using = Indicator.ThresholdSerializer.class) String difficultAreaThreshold,
    Population population,
    String unit,
    AppliesTo appliesTo,
    Feed feed,
    @JsonInclude(JsonInclude.Include.ALWAYS) boolean confirmed,
    String source,
    String remark,
    List<String> pending) {

  public static final String INCREASE = "INCREASE";
  public static final String DECREASE = "DECREASE";

  public Indicator {
    requireText(code, "code", code);
    requireText(text, "text", code);
    requireText(source, "source", code);
    Objects.requireNonNull(rule, () -> "Chỉ tiêu " + code + " thiếu rule");
    appliesTo = appliesTo == null ? AppliesTo.ALL : appliesTo;
    threshold = blankToNull(threshold);
    difficultAreaThreshold = blankToNull(difficultAreaThreshold);
    part = blankToNull(part);
    remark = blankToNull(remark);
    unit = blankToNull(unit);
    pending = pending == null ? List.of() : List.copyOf(pending);
    checkThreshold(code, rule, threshold, confirmed);
    if (difficultAreaThreshold != null) {
      if (rule != RuleKind.PERCENT_AT_LEAST) {
        throw new IllegalArgumentException("Chỉ tiêu " + code + ": ngưỡng riêng cho xã thuộc vùng khó khăn chỉ dùng"
            + " cho tỷ lệ phần trăm");
      }
      checkThreshold(code, rule, difficultAreaThreshold, confirmed);
    }
    if (population != null && rule != RuleKind.PERCENT_AT_LEAST) {
      throw new IllegalArgumentException("Chỉ tiêu " + code + ": đối tượng tính tỷ lệ (population) chỉ dùng cho tỷ lệ"
          + " phần trăm");
    }
  }

  /** The form the data files had before issue 19 (no part, population, feed, remark or open points). */
  public Indicator(String code, String text, RuleKind rule, String threshold, AppliesTo appliesTo, boolean confirmed,
      String source) {
    this(code, text, null, rule, threshold, null, null, null, appliesTo, null, confirmed, source, null, null);
  }

  /** Whether the indicator is assessed for this unit (kind, public or not, education institution or not). */
  public boolean appliesTo(UnitProfile unit) {
    return appliesTo.test(unit);
  }

  /** The threshold that applies to this unit: the difficult-area one for a commune in a difficult area. */
  public String thresholdFor(UnitProfile unit) {
    return usesDifficultAreaThreshold(unit) ? difficultAreaThreshold : threshold;
  }

  public boolean usesDifficultAreaThreshold(UnitProfile unit) {
    return difficultAreaThreshold != null && unit != null && unit.difficultArea();
  }

  /** This indicator as evaluated for the unit: its threshold replaced by the difficult-area one where that applies. */
  public Indicator forUnit(UnitProfile unit) {
    if (!usesDifficultAreaThreshold(unit)) {
      return this;
    }
    return new Indicator(code, text, part, rule, difficultAreaThreshold, null, population, this.unit, appliesTo,
        feed, confirmed, source, remark, pending);
  }

  /**
   * A short name for messages: the part this check measures if the data names one, otherwise the official text cut
   * at a word near 90 characters.
   */
  @JsonIgnore
  public String shortText() {
    if (part != null) {
      return part;
    }
    if (text.length() <= 100) {
      return text;
    }
    int cut = text.lastIndexOf(' ', 90);
    return text.substring(0, cut < 40 ? 90 : cut).replaceAll("[,;:]$", "") + " …";
  }

  /** "TC3.CT1" for TC3.CT1 and for its parts TC3.CT1.HS: the chỉ tiêu of the text this check belongs to. */
  @JsonIgnore
  public String indicatorNumber() {
    String[] p = code.split("\\.");
    return p.length >= 2 ? p[0] + "." + p[1] : code;
  }

  /** Name of the form field group for this indicator: TC3.CT1.HS → tc3_ct1_hs. */
  @JsonIgnore
  public String formKey() {
    return code.toLowerCase(Locale.ROOT).replace('.', '_');
  }

  /** The percentage threshold, or null when none is configured (only allowed while unconfirmed). */
  @JsonIgnore
  public BigDecimal percentThreshold() {
    return rule == RuleKind.PERCENT_AT_LEAST && threshold != null ? new BigDecimal(threshold) : null;
  }

  @JsonIgnore
  public Long countThreshold() {
    return rule == RuleKind.COUNT_AT_LEAST && threshold != null ? Long.valueOf(threshold) : null;
  }

  @JsonIgnore
  public EmulationTitle titleThreshold() {
    return rule == RuleKind.EMULATION_TITLE_AT_LEAST && threshold != null ? EmulationTitle.valueOf(threshold) : null;
  }

  @JsonIgnore
  public DigitalLevel digitalThreshold() {
    return rule == RuleKind.DIGITAL_LEVEL_AT_LEAST && threshold != null ? DigitalLevel.valueOf(threshold) : null;
  }

  /** A copy with another text and threshold, used when an unconfirmed indicator is revised. */
  public Indicator withTextAndThreshold(String newText, String newThreshold) {
    return new Indicator(code, newText, part, rule, newThreshold, difficultAreaThreshold, population, unit,
        appliesTo, feed, confirmed, source, remark, pending);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static void requireText(String value, String field, String code) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Chỉ tiêu " + code + " thiếu " + field);
    }
  }

  private static void checkThreshold(String code, RuleKind rule, String threshold, boolean confirmed) {
    switch (rule) {
      case BOOLEAN, JUDGEMENT -> {
        if (threshold != null) {
          throw new IllegalArgumentException("Chỉ tiêu " + code + " (" + rule + ") không dùng ngưỡng, đã nhập «"
              + threshold + "»");
        }
      }
      case PERCENT_AT_LEAST -> {
        if (threshold != null) {
          BigDecimal value;
          try {
            value = new BigDecimal(threshold);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Ngưỡng của chỉ tiêu " + code + " phải là một tỷ lệ phần trăm (ví dụ 90),"
                + " đã nhập «" + threshold + "»");
          }
          if (value.signum() <= 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("Ngưỡng của chỉ tiêu " + code + " phải lớn hơn 0 và không quá 100,"
                + " đã nhập «" + threshold + "»");
          }
        }
      }
      case COUNT_AT_LEAST -> {
        if (threshold != null && !threshold.matches("[1-9]\\d{0,5}")) {
          throw new IllegalArgumentException("Ngưỡng của chỉ tiêu " + code + " phải là một số nguyên dương (ví dụ 4),"
              + " đã nhập «" + threshold + "»");
        }
      }
      case YEAR_ON_YEAR -> {
        if (threshold != null && !threshold.equals(INCREASE) && !threshold.equals(DECREASE)) {
          throw new IllegalArgumentException("Ngưỡng của chỉ tiêu " + code + " phải là INCREASE (tăng) hoặc DECREASE"
              + " (giảm) so với năm trước liền kề, đã nhập «" + threshold + "»");
        }
      }
      case EMULATION_TITLE_AT_LEAST -> checkEnum(code, threshold, EmulationTitle.class);
      case DIGITAL_LEVEL_AT_LEAST -> checkEnum(code, threshold, DigitalLevel.class);
    }
    boolean needsThreshold = rule != RuleKind.BOOLEAN && rule != RuleKind.JUDGEMENT;
    // A confirmed rule is decided automatically, which is impossible without a threshold.
    if (confirmed && needsThreshold && threshold == null) {
      throw new IllegalArgumentException("Chỉ tiêu " + code + " đã xác nhận nhưng chưa có ngưỡng");
    }
  }

  private static <E extends Enum<E>> void checkEnum(String code, String threshold, Class<E> type) {
    if (threshold != null && Arrays.stream(type.getEnumConstants()).noneMatch(e -> e.name().equals(threshold))) {
      throw new IllegalArgumentException("Ngưỡng «" + threshold + "» của chỉ tiêu " + code + " không hợp lệ; chọn một trong "
          + Arrays.toString(type.getEnumConstants()));
    }
  }

  /** Writes numeric thresholds back as JSON numbers so stored definitions look like the bundled files. */
  static final class ThresholdSerializer extends StdSerializer<String> {
    ThresholdSerializer() {
      super(String.class);
    }

    @Override
    public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      if (value.matches("-?\\d+(\\.\\d+)?")) {
        gen.writeNumber(new BigDecimal(value));
      } else {
        gen.writeString(value);
      }
    }
  }
}
