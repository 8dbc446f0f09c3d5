package vn.hoctap.process;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.hoctap.criteria.CriteriaSet;
import vn.hoctap.criteria.DigitalLevel;
import vn.hoctap.criteria.EmulationTitle;
import vn.hoctap.criteria.Indicator;
import vn.hoctap.criteria.IndicatorInput;
import vn.hoctap.criteria.IndicatorInput.Judgement;
import vn.hoctap.criteria.RuleKind;
import vn.hoctap.org.UnitProfile;

/**
 * The mapping between a criteria set and the fields of forms/lu-indicator-values.form. Per indicator with form
 * key k: {@code k} (yes/no or a choice), {@code k_met} and {@code k_total} (counts), {@code k_note} (evidence
 * note) and {@code k_judgement} (a person's judgement where the official text is awaited).
 */
final class IndicatorForm {

  private IndicatorForm() {}

  static String metKey(Indicator i) {
    return i.formKey() + "_met";
  }

  static String totalKey(Indicator i) {
    return i.formKey() + "_total";
  }

  static String noteKey(Indicator i) {
    return i.formKey() + "_note";
  }

  static String judgementKey(Indicator i) {
    return i.formKey() + "_judgement";
  }

  /** ";TC1.CT1;TC1.CT2;" — what the form's conditions test with contains(). */
  static String applicableCodes(CriteriaSet set, UnitProfile unit) {
    StringBuilder sb = new StringBuilder(";");
    set.indicators().stream().filter(i -> i.appliesTo(unit)).forEach(i -> sb.append(i.code()).append(';'));
    return sb.toString();
  }

  static String pendingCodes(CriteriaSet set, UnitProfile unit) {
    StringBuilder sb = new StringBuilder(";");
    set.indicators().stream().filter(i -> i.appliesTo(unit) && needsJudgement(i))
        .forEach(i -> sb.append(i.code()).append(';'));
    return sb.toString();
  }

  static boolean needsJudgement(Indicator i) {
    return !i.confirmed() || i.rule() == RuleKind.JUDGEMENT;
  }

  static Map<String, Object> prefill(CriteriaSet set, Map<String, IndicatorInput> values) {
    Map<String, Object> vars = new LinkedHashMap<>();
    for (Indicator i : set.indicators()) {
      IndicatorInput v = values.get(i.code());
      if (v == null) {
        continue;
      }
      switch (i.rule()) {
        case BOOLEAN -> putIfNotNull(vars, i.formKey(), v.yes() == null ? null : v.yes().toString());
        case PERCENT_AT_LEAST -> {
          putIfNotNull(vars, metKey(i), v.met());
          putIfNotNull(vars, totalKey(i), v.total());
        }
        case EMULATION_TITLE_AT_LEAST, DIGITAL_LEVEL_AT_LEAST -> putIfNotNull(vars, i.formKey(), v.choice());
        case JUDGEMENT -> { }
      }
      putIfNotNull(vars, noteKey(i), v.note());
      putIfNotNull(vars, judgementKey(i), v.judgement() == null ? null : v.judgement().name());
    }
    return vars;
  }

  /** Reads the applicable indicators' values; type problems are collected in {@code form}. */
  static Map<String, IndicatorInput> read(CriteriaSet set, UnitProfile unit, FormValues form) {
    Map<String, IndicatorInput> values = new LinkedHashMap<>();
    for (Indicator i : set.indicators()) {
      if (!i.appliesTo(unit)) {
        continue;
      }
      String label = i.code();
      IndicatorInput v = switch (i.rule()) {
        case BOOLEAN -> new IndicatorInput(form.yesNo(i.formKey(), label), null, null, null, null, null);
        case PERCENT_AT_LEAST -> new IndicatorInput(null, form.wholeNumber(metKey(i), label + " — số đạt"),
            form.wholeNumber(totalKey(i), label + " — tổng số"), null, null, null);
        case EMULATION_TITLE_AT_LEAST, DIGITAL_LEVEL_AT_LEAST ->
            new IndicatorInput(null, null, null, form.text(i.formKey()), null, null);
        case JUDGEMENT -> new IndicatorInput(null, null, null, null, null, null);
      };
      Judgement judgement = null;
      if (needsJudgement(i)) {
        String j = form.text(judgementKey(i));
        if (j == null) {
          form.problem(judgementKey(i), i.code() + ": chỉ tiêu đang chờ xác nhận văn bản — cần chọn nhận định Đạt / Không đạt.");
        } else {
          try {
            judgement = Judgement.valueOf(j);
          } catch (IllegalArgumentException e) {
            form.problem(judgementKey(i), i.code() + ": nhận định \"" + j + "\" không hợp lệ (Đạt / Không đạt).");
          }
        }
      }
      values.put(i.code(), v.withJudgement(judgement).withNote(form.text(noteKey(i))));
    }
    return values;
  }

  /** The form field of a problem with an indicator value (InputError.field: yes, met, total, choice, code). */
  static String fieldOf(CriteriaSet set, String code, String field) {
    return set.indicators().stream().filter(i -> i.code().equals(code)).findFirst().map(i -> switch (field) {
      case "met" -> metKey(i);
      case "total" -> totalKey(i);
      case "yes", "choice" -> i.formKey();
      default -> null;
    }).orElse(null);
  }

  /** A plain-text guide to the indicators that apply, with each threshold and whether it is confirmed. */
  static String guide(CriteriaSet set, UnitProfile unit) {
    StringBuilder sb = new StringBuilder();
    sb.append(set.source()).append(" — bộ tiêu chí ").append(set.code()).append(" phiên bản ").append(set.version())
        .append('\n');
    for (Indicator i : set.indicators()) {
      if (!i.appliesTo(unit)) {
        continue;
      }
      sb.append("• ").append(i.code()).append(": ").append(i.text()).append(" — ").append(threshold(i));
      if (!i.confirmed()) {
        sb.append(" [chờ xác nhận văn bản: không tự động tính đạt/không đạt, cần nhận định của người đánh giá]");
      }
      sb.append('\n');
    }
    return sb.toString().strip();
  }

  private static String threshold(Indicator i) {
    if (i.threshold() == null) {
      return i.rule() == RuleKind.BOOLEAN ? "yêu cầu: Có" : "chưa có ngưỡng";
    }
    return switch (i.rule()) {
      case PERCENT_AT_LEAST -> "ngưỡng ≥ " + i.threshold() + " %";
      case EMULATION_TITLE_AT_LEAST -> "tối thiểu: " + EmulationTitle.valueOf(i.threshold()).label();
      case DIGITAL_LEVEL_AT_LEAST -> "tối thiểu: " + DigitalLevel.valueOf(i.threshold()).label();
      default -> "yêu cầu: " + i.threshold();
    };
  }

  private static void putIfNotNull(Map<String, Object> vars, String key, Object value) {
    if (value != null) {
      vars.put(key, value);
    }
  }
}
