package vn.hoctap.criteria;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import vn.hoctap.org.UnitProfile;

/**
 * One indicator (chỉ tiêu) of a criterion. {@code threshold} is kept as text because its meaning depends on the
 * rule (a percentage, or an enum name); it is checked here so that a bad data file or a bad revision fails at
 * load time, not during an evaluation. {@code confirmed = false} marks data awaiting the official text
 * ("chờ xác nhận văn bản"): such an indicator is never decided by its threshold alone.
 */
public record Indicator(
    String code,
    String text,
    RuleKind rule,
    @JsonSerialize(using = Indicator.ThresholdSerializer.class) String threshold,
    AppliesTo appliesTo,
    boolean confirmed,
    String source) {

  public Indicator {
    requireText(code, "code", code);
    requireText(text, "text", code);
    requireText(source, "source", code);
    Objects.requireNonNull(rule, () -> "Chỉ tiêu " + code + " thiếu rule");
    appliesTo = appliesTo == null ? AppliesTo.ALL : appliesTo;
    threshold = threshold == null || threshold.isBlank() ? null : threshold.strip();
    checkThreshold(code, rule, threshold, confirmed);
  }

  /** Whether the indicator is assessed for this unit (kind, public or not, education institution or not). */
  public boolean appliesTo(UnitProfile unit) {
    return appliesTo.test(unit);
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
  public EmulationTitle titleThreshold() {
    return rule == RuleKind.EMULATION_TITLE_AT_LEAST && threshold != null ? EmulationTitle.valueOf(threshold) : null;
  }

  @JsonIgnore
  public DigitalLevel digitalThreshold() {
    return rule == RuleKind.DIGITAL_LEVEL_AT_LEAST && threshold != null ? DigitalLevel.valueOf(threshold) : null;
  }

  /** A copy with another text and threshold, used when an unconfirmed indicator is revised. */
  public Indicator withTextAndThreshold(String newText, String newThreshold) {
    return new Indicator(code, newText, rule, newThreshold, appliesTo, confirmed, source);
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

  /** Writes percentage thresholds back as JSON numbers so stored definitions look like the bundled files. */
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
