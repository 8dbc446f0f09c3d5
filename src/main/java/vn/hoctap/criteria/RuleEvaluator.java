package vn.hoctap.criteria;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads and decides one rule kind. {@link #check} is shared by the input validator and the evaluator so that
 * what the form rejects and what the evaluator treats as missing can never drift apart.
 */
sealed interface RuleEvaluator {

  static RuleEvaluator forKind(RuleKind kind) {
    // Exhaustive switch: a new RuleKind does not compile until it has an evaluator.
    return switch (kind) {
      case BOOLEAN -> BooleanRule.INSTANCE;
      case PERCENT_AT_LEAST -> PercentRule.INSTANCE;
      case EMULATION_TITLE_AT_LEAST -> EmulationTitleRule.INSTANCE;
      case DIGITAL_LEVEL_AT_LEAST -> DigitalLevelRule.INSTANCE;
      case COUNT_AT_LEAST -> CountRule.INSTANCE;
      case YEAR_ON_YEAR -> YearOnYearRule.INSTANCE;
      case JUDGEMENT -> JudgementRule.INSTANCE;
    };
  }

  /** What is wrong or missing in the entered value; empty when it can be measured. */
  List<InputError> check(Indicator indicator, IndicatorInput input);

  /** The measured value for people, e.g. "45/50 = 90,00 %"; only for input that passed {@link #check}. */
  String measured(Indicator indicator, IndicatorInput input);

  /** Whether the value reaches the threshold; only called with a checked input and a configured threshold. */
  boolean meets(Indicator indicator, IndicatorInput input);

  /** The threshold for people, e.g. "≥ 90 %", or {@link #NO_THRESHOLD}. */
  String threshold(Indicator indicator);

  String NO_THRESHOLD = "chưa có ngưỡng";

  static String name(Indicator i) {
    return i.code() + " «" + i.shortText() + "»";
  }

  final class BooleanRule implements RuleEvaluator {
    static final BooleanRule INSTANCE = new BooleanRule();

    @Override
    public List<InputError> check(Indicator i, IndicatorInput in) {
      if (in == null || in.yes() == null) {
        return List.of(new InputError(i.code(), "yes", "Chưa trả lời chỉ tiêu " + name(i) + ": hãy chọn Có hoặc Không."));
      }
      return List.of();
    }

    @Override
    public String measured(Indicator i, IndicatorInput in) {
      return in.yes() ? "Có" : "Không";
    }

    @Override
    public boolean meets(Indicator i, IndicatorInput in) {
      return in.yes();
    }

    @Override
    public String threshold(Indicator i) {
      return "Có";
    }
  }

  final class PercentRule implements RuleEvaluator {
    static final PercentRule INSTANCE = new PercentRule();
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Override
    public List<InputError> check(Indicator i, IndicatorInput in) {
      Long met = in == null ? null : in.met();
      Long total = in == null ? null : in.total();
      List<InputError> errors = new ArrayList<>();
      if (met == null) {
        errors.add(new InputError(i.code(), "met", "Chưa nhập số đạt của chỉ tiêu " + name(i) + "."));
      } else if (met < 0) {
        errors.add(new InputError(i.code(), "met", "Số đạt của chỉ tiêu " + name(i) + " không được âm (đã nhập "
            + met + "): hãy nhập số từ 0 trở lên."));
      }
      if (total == null) {
        errors.add(new InputError(i.code(), "total", "Chưa nhập tổng số của chỉ tiêu " + name(i) + "."));
      } else if (total < 0) {
        errors.add(new InputError(i.code(), "total", "Tổng số của chỉ tiêu " + name(i) + " không được âm (đã nhập "
            + total + "): hãy nhập số lớn hơn 0."));
      } else if (total == 0) {
        errors.add(new InputError(i.code(), "total", "Tổng số của chỉ tiêu " + name(i) + " bằng 0 nên không tính"
            + " được tỷ lệ: hãy nhập tổng số người được tính (lớn hơn 0)."));
      }
      if (errors.isEmpty() && met > total) {
        errors.add(new InputError(i.code(), "met", "Số đạt (" + met + ") của chỉ tiêu " + name(i)
            + " lớn hơn tổng số (" + total + "): số đạt không được vượt tổng số, hãy kiểm tra lại hai số này."));
      }
      return errors;
    }

    @Override
    public String measured(Indicator i, IndicatorInput in) {
      // Truncated, never rounded up: 89,999 % is shown as 89,99 %, so a failing value never looks like 90,00 %.
      BigDecimal pct = BigDecimal.valueOf(in.met()).multiply(HUNDRED)
          .divide(BigDecimal.valueOf(in.total()), 2, RoundingMode.DOWN);
      String who = i.population() == null ? "" : " " + i.population().noun();
      return in.met() + "/" + in.total() + who + " = " + decimal(pct) + " %";
    }

    @Override
    public boolean meets(Indicator i, IndicatorInput in) {
      // met × 100 ≥ threshold × total: exact, no division and so no rounding before the comparison.
      BigDecimal left = BigDecimal.valueOf(in.met()).multiply(HUNDRED);
      BigDecimal right = i.percentThreshold().multiply(BigDecimal.valueOf(in.total()));
      return left.compareTo(right) >= 0;
    }

    @Override
    public String threshold(Indicator i) {
      BigDecimal t = i.percentThreshold();
      return t == null ? NO_THRESHOLD : "≥ " + decimal(t.stripTrailingZeros()) + " %"
          + (i.population() == null ? "" : " " + i.population().label());
    }
  }

  static String decimal(BigDecimal value) {
    return value.toPlainString().replace('.', ',');
  }

  /** A whole count (IndicatorInput.met), e.g. "tối thiểu 04 chương trình … trong năm". */
  final class CountRule implements RuleEvaluator {
    static final CountRule INSTANCE = new CountRule();

    @Override
    public List<InputError> check(Indicator i, IndicatorInput in) {
      Long n = in == null ? null : in.met();
      if (n == null) {
        return List.of(new InputError(i.code(), "met", "Chưa nhập số lượng của chỉ tiêu " + name(i) + "."));
      }
      if (n < 0) {
        return List.of(new InputError(i.code(), "met", "Số lượng của chỉ tiêu " + name(i) + " không được âm (đã nhập "
            + n + "): hãy nhập số từ 0 trở lên."));
      }
      return List.of();
    }

    @Override
    public String measured(Indicator i, IndicatorInput in) {
      return String.valueOf(in.met());
    }

    @Override
    public boolean meets(Indicator i, IndicatorInput in) {
      return in.met() >= i.countThreshold();
    }

    @Override
    public String threshold(Indicator i) {
      Long t = i.countThreshold();
      return t == null ? NO_THRESHOLD : "≥ " + t;
    }
  }

  /**
   * This year's figure against the previous year's: INCREASE needs this year &gt; previous year, DECREASE this year
   * &lt; previous year; an equal figure is neither an increase nor a decrease.
   */
  final class YearOnYearRule implements RuleEvaluator {
    static final YearOnYearRule INSTANCE = new YearOnYearRule();

    @Override
    public List<InputError> check(Indicator i, IndicatorInput in) {
      List<InputError> errors = new ArrayList<>();
      BigDecimal current = in == null ? null : in.current();
      BigDecimal previous = in == null ? null : in.previous();
      if (current == null) {
        errors.add(new InputError(i.code(), "current", "Chưa nhập số liệu năm đánh giá của chỉ tiêu " + name(i) + "."));
      } else if (current.signum() < 0) {
        errors.add(new InputError(i.code(), "current", "Số liệu năm đánh giá của chỉ tiêu " + name(i)
            + " không được âm (đã nhập " + decimal(current) + ")."));
      } else if (percent(i) && current.compareTo(HUNDRED) > 0) {
        errors.add(new InputError(i.code(), "current", "Số liệu năm đánh giá của chỉ tiêu " + name(i)
            + " là tỷ lệ nên không quá 100 (đã nhập " + decimal(current) + ")."));
      }
      if (previous == null) {
        errors.add(new InputError(i.code(), "previous", "Chưa nhập số liệu năm trước liền kề của chỉ tiêu " + name(i)
            + "."));
      } else if (previous.signum() < 0) {
        errors.add(new InputError(i.code(), "previous", "Số liệu năm trước liền kề của chỉ tiêu " + name(i)
            + " không được âm (đã nhập " + decimal(previous) + ")."));
      } else if (percent(i) && previous.compareTo(HUNDRED) > 0) {
        errors.add(new InputError(i.code(), "previous", "Số liệu năm trước liền kề của chỉ tiêu " + name(i)
            + " là tỷ lệ nên không quá 100 (đã nhập " + decimal(previous) + ")."));
      }
      return errors;
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private static boolean percent(Indicator i) {
      return "%".equals(i.unit());
    }

    @Override
    public String measured(Indicator i, IndicatorInput in) {
      String unit = i.unit() == null ? "" : " " + i.unit();
      int c = in.current().compareTo(in.previous());
      return "năm đánh giá " + decimal(in.current()) + unit + ", năm trước liền kề " + decimal(in.previous()) + unit
          + " (" + (c > 0 ? "tăng" : c < 0 ? "giảm" : "bằng nhau, không tăng cũng không giảm") + ")";
    }

    @Override
    public boolean meets(Indicator i, IndicatorInput in) {
      int c = in.current().compareTo(in.previous());
      return Indicator.DECREASE.equals(i.threshold()) ? c < 0 : c > 0;
    }

    @Override
    public String threshold(Indicator i) {
      if (i.threshold() == null) {
        return NO_THRESHOLD;
      }
      return Indicator.DECREASE.equals(i.threshold()) ? "giảm so với năm trước liền kề"
          : "tăng so với năm trước liền kề";
    }
  }

  /** Shared logic of the two "enum value at least" rules. */
  abstract sealed class AtLeastRule<E extends Enum<E>> implements RuleEvaluator
      permits EmulationTitleRule, DigitalLevelRule {
    private final Class<E> type;
    private final String what;

    AtLeastRule(Class<E> type, String what) {
      this.type = type;
      this.what = what;
    }

    abstract String label(E value);

    abstract E thresholdOf(Indicator i);

    E parse(String choice) {
      if (choice == null) {
        return null;
      }
      String name = choice.strip();
      return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(name)).findFirst().orElse(null);
    }

    @Override
    public List<InputError> check(Indicator i, IndicatorInput in) {
      String choice = in == null ? null : in.choice();
      String options = Arrays.stream(type.getEnumConstants()).map(this::label).collect(Collectors.joining(", "));
      if (choice == null || choice.isBlank()) {
        return List.of(new InputError(i.code(), "choice", "Chưa chọn " + what + " cho chỉ tiêu " + name(i)
            + ": hãy chọn một trong: " + options + "."));
      }
      if (parse(choice) == null) {
        return List.of(new InputError(i.code(), "choice", "Giá trị «" + choice + "» không hợp lệ cho chỉ tiêu "
            + name(i) + ": hãy chọn " + what + " là một trong: " + options + "."));
      }
      return List.of();
    }

    @Override
    public String measured(Indicator i, IndicatorInput in) {
      return label(parse(in.choice()));
    }

    @Override
    public boolean meets(Indicator i, IndicatorInput in) {
      return parse(in.choice()).compareTo(thresholdOf(i)) >= 0;
    }

    @Override
    public String threshold(Indicator i) {
      E t = thresholdOf(i);
      return t == null ? NO_THRESHOLD : "≥ " + label(t);
    }
  }

  final class EmulationTitleRule extends AtLeastRule<EmulationTitle> {
    static final EmulationTitleRule INSTANCE = new EmulationTitleRule();

    EmulationTitleRule() {
      super(EmulationTitle.class, "danh hiệu thi đua");
    }

    @Override
    String label(EmulationTitle value) {
      return value.label();
    }

    @Override
    EmulationTitle thresholdOf(Indicator i) {
      return i.titleThreshold();
    }
  }

  final class DigitalLevelRule extends AtLeastRule<DigitalLevel> {
    static final DigitalLevelRule INSTANCE = new DigitalLevelRule();

    DigitalLevelRule() {
      super(DigitalLevel.class, "mức độ chuyển đổi số");
    }

    @Override
    String label(DigitalLevel value) {
      return value.label();
    }

    @Override
    DigitalLevel thresholdOf(Indicator i) {
      return i.digitalThreshold();
    }
  }

  /** Nothing to measure: the person's judgement is the value, so nothing is required at input time. */
  final class JudgementRule implements RuleEvaluator {
    static final JudgementRule INSTANCE = new JudgementRule();

    @Override
    public List<InputError> check(Indicator i, IndicatorInput in) {
      return List.of();
    }

    @Override
    public String measured(Indicator i, IndicatorInput in) {
      return in != null && in.note() != null && !in.note().isBlank() ? in.note().strip() : "Không đo bằng số";
    }

    @Override
    public boolean meets(Indicator i, IndicatorInput in) {
      throw new IllegalStateException("Chỉ tiêu " + i.code() + " chỉ do người đánh giá kết luận");
    }

    @Override
    public String threshold(Indicator i) {
      return "do người đánh giá kết luận";
    }
  }
}
