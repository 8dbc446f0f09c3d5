package vn.hoctap.process;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.hoctap.criteria.CriteriaSet;
import vn.hoctap.criteria.Indicator;
import vn.hoctap.criteria.IndicatorInput;
import vn.hoctap.criteria.IndicatorInput.Judgement;
import vn.hoctap.criteria.Requirements;
import vn.hoctap.criteria.RuleKind;
import vn.hoctap.org.UnitProfile;

/**
 * The mapping between a criteria set and the fields of forms/lu-indicator-values.form and lc-indicator-values.form
 * (generated from the criteria data, see IndicatorFormFilesTest). Per indicator with form key k, by rule: {@code k}
 * (yes/no), {@code k_met} and {@code k_total} (a ratio), {@code k_count} (a count), {@code k_title} (an emulation
 * title), {@code k_level} (a digital-transformation level), {@code k_current} and {@code k_previous} (this year's and
 * the previous year's figure); for every indicator {@code k_note} (evidence, or why a value hoctap knew was changed)
 * and {@code k_judgement} (a person's judgement where the official text is awaited). The same code may have another
 * rule in another set of the title (TT24 TC3.CT5: vocational accreditation at district, a university's digital level
 * at province), so each rule has its own keys and the form shows the ones of the dossier's set.
 */
final class IndicatorForm {

  private IndicatorForm() {}

  static String metKey(Indicator i) {
    return i.formKey() + "_met";
  }

  static String totalKey(Indicator i) {
    return i.formKey() + "_total";
  }

  static String countKey(Indicator i) {
    return i.formKey() + "_count";
  }

  static String titleKey(Indicator i) {
    return i.formKey() + "_title";
  }

  static String levelKey(Indicator i) {
    return i.formKey() + "_level";
  }

  static String currentKey(Indicator i) {
    return i.formKey() + "_current";
  }

  static String previousKey(Indicator i) {
    return i.formKey() + "_previous";
  }

  static String noteKey(Indicator i) {
    return i.formKey() + "_note";
  }

  static String judgementKey(Indicator i) {
    return i.formKey() + "_judgement";
  }

  /** The keys holding the indicator's value under its rule (none for JUDGEMENT). */
  static List<String> valueKeys(Indicator i) {
    return switch (i.rule()) {
      case BOOLEAN -> List.of(i.formKey());
      case PERCENT_AT_LEAST -> List.of(metKey(i), totalKey(i));
      case COUNT_AT_LEAST -> List.of(countKey(i));
      case EMULATION_TITLE_AT_LEAST -> List.of(titleKey(i));
      case DIGITAL_LEVEL_AT_LEAST -> List.of(levelKey(i));
      case YEAR_ON_YEAR -> List.of(currentKey(i), previousKey(i));
      case JUDGEMENT -> List.of();
    };
  }

  /** What the form's conditions look for: ";TC1.CT1;" shows the indicator's group, ";TC1.CT1=BOOLEAN;" its fields. */
  static String token(String code) {
    return ";" + code + ";";
  }

  static String token(String code, RuleKind rule) {
    return ";" + code + "=" + rule.name() + ";";
  }

  /** ";TC1.CT1;TC1.CT1=BOOLEAN;TC1.CT2;…" — what the form's conditions test with contains(). */
  static String applicableCodes(CriteriaSet set, UnitProfile unit) {
    StringBuilder sb = new StringBuilder(";");
    set.indicators().stream().filter(i -> i.appliesTo(unit))
        .forEach(i -> sb.append(i.code()).append(';').append(i.code()).append('=').append(i.rule()).append(';'));
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
        case COUNT_AT_LEAST -> putIfNotNull(vars, countKey(i), v.met());
        case EMULATION_TITLE_AT_LEAST -> putIfNotNull(vars, titleKey(i), v.choice());
        case DIGITAL_LEVEL_AT_LEAST -> putIfNotNull(vars, levelKey(i), v.choice());
        case YEAR_ON_YEAR -> {
          putIfNotNull(vars, currentKey(i), decimal(v.current()));
          putIfNotNull(vars, previousKey(i), decimal(v.previous()));
        }
        case JUDGEMENT -> { }
      }
      putIfNotNull(vars, noteKey(i), v.note());
      putIfNotNull(vars, judgementKey(i), v.judgement() == null ? null : v.judgement().name());
    }
    return vars;
  }

  /** A figure as people in Vietnam write it: decimal comma, no trailing zeros. */
  static String decimal(BigDecimal d) {
    return d == null ? null : d.stripTrailingZeros().toPlainString().replace('.', ',');
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
        case COUNT_AT_LEAST -> new IndicatorInput(null, form.wholeNumber(countKey(i), label + " — số lượng"), null,
            null, null, null);
        case EMULATION_TITLE_AT_LEAST -> new IndicatorInput(null, null, null, form.text(titleKey(i)), null, null);
        case DIGITAL_LEVEL_AT_LEAST -> new IndicatorInput(null, null, null, form.text(levelKey(i)), null, null);
        case YEAR_ON_YEAR -> IndicatorInput.ofYears(form.decimal(currentKey(i), label + " — năm đánh giá"),
            form.decimal(previousKey(i), label + " — năm trước liền kề"));
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

  /**
   * The form field of a problem with an indicator value (InputError.field: yes, met, total, choice, current,
   * previous, note, code).
   */
  static String fieldOf(CriteriaSet set, String code, String field) {
    return set.indicators().stream().filter(i -> i.code().equals(code)).findFirst().map(i -> switch (field) {
      case "met" -> i.rule() == RuleKind.COUNT_AT_LEAST ? countKey(i) : metKey(i);
      case "total" -> totalKey(i);
      case "current" -> currentKey(i);
      case "previous" -> previousKey(i);
      case "note" -> noteKey(i);
      case "yes" -> i.formKey();
      case "choice" -> i.rule() == RuleKind.DIGITAL_LEVEL_AT_LEAST ? levelKey(i) : titleKey(i);
      default -> null;
    }).orElse(null);
  }

  /** A plain-text guide to the indicators that apply, with each requirement and its source. */
  static String guide(CriteriaSet set, UnitProfile unit) {
    StringBuilder sb = new StringBuilder();
    sb.append(set.source()).append(" — bộ tiêu chí ").append(set.code()).append(" phiên bản ").append(set.version())
        .append('\n');
    if (set.evidenceRequired()) {
      sb.append("Mỗi chỉ tiêu cần minh chứng phù hợp; chỉ tiêu không có minh chứng phù hợp được đánh giá là không đạt (")
          .append(set.evidenceSource()).append(").\n");
    }
    for (Indicator i : set.indicators()) {
      if (!i.appliesTo(unit)) {
        continue;
      }
      sb.append("• ").append(i.code()).append(": ").append(Requirements.of(i, unit)).append(" (")
          .append(i.source().replaceFirst("^Thông tư \\S+, ", "")).append(')');
      if (!i.confirmed()) {
        sb.append(" [chờ xác nhận văn bản: không tự động tính đạt/không đạt, cần nhận định của người đánh giá]");
      } else if (!i.pending().isEmpty()) {
        sb.append(" [có điểm chờ xác nhận văn bản]");
      }
      sb.append('\n');
    }
    return Reports.fit(sb.toString().strip());
  }

  private static void putIfNotNull(Map<String, Object> vars, String key, Object value) {
    if (value != null) {
      vars.put(key, value);
    }
  }
}
