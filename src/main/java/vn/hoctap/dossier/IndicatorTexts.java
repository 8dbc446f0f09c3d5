package vn.hoctap.dossier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.hoctap.criteria.Criterion;
import vn.hoctap.criteria.CriteriaSet;
import vn.hoctap.criteria.DigitalLevel;
import vn.hoctap.criteria.EmulationTitle;
import vn.hoctap.criteria.Indicator;
import vn.hoctap.criteria.IndicatorInput;
import vn.hoctap.criteria.Requirements;
import vn.hoctap.criteria.RuleKind;
import vn.hoctap.org.UnitProfile;

/**
 * The words of an indicator-values form, taken from the dossier's own criteria set version: the forms/*.form files
 * are shared by every tier and level of a title, so their group labels are generic, and the page shows instead each
 * indicator's official text, what it asks of this applicant, its article and what the texts leave open ("chờ xác
 * nhận văn bản"); the value fields are named after the population counted (thành viên, người học, công dân…).
 */
@Component
public class IndicatorTexts {

  /** A label and a description replacing the form's. */
  public record Text(String label, String description) {}

  private final DossierService dossiers;

  IndicatorTexts(DossierService dossiers) {
    this.dossiers = dossiers;
  }

  /**
   * By indicator code (for its group) and by field key (for its value fields), for the task of a dossier; empty
   * when the variables name no dossier.
   */
  public Map<String, Text> of(Map<String, Object> taskVariables) {
    Object id = taskVariables.get("dossierId");
    if (!(id instanceof Number n) || !taskVariables.containsKey("applicableCodes")) {
      return Map.of();
    }
    Dossier d = dossiers.get(n.longValue());
    return of(dossiers.criteriaSet(d), d.getUnit().profile());
  }

  public static Map<String, Text> of(CriteriaSet set, UnitProfile unit) {
    Map<String, Text> out = new LinkedHashMap<>();
    for (Criterion c : set.criteria()) {
      for (Indicator i : c.indicators()) {
        out.put(i.code(), new Text(i.code() + " — " + (i.part() == null ? i.text() : i.part()), describe(c, i, unit)));
        String key = i.formKey();
        String who = i.population() == null ? "" : " " + i.population().noun();
        switch (i.rule()) {
          case PERCENT_AT_LEAST -> {
            out.put(key + "_met", new Text("Số" + who + " đạt", null));
            out.put(key + "_total", new Text("Tổng số" + who + " (" + (i.population() == null ? "mẫu số"
                : i.population().label()) + ")", null));
          }
          case YEAR_ON_YEAR -> {
            String unitWord = i.unit() == null ? "" : " (" + i.unit() + ")";
            out.put(key + "_current", new Text("Số liệu năm đánh giá" + unitWord, null));
            out.put(key + "_previous", new Text("Số liệu năm trước liền kề" + unitWord, null));
          }
          default -> { }
        }
      }
    }
    return out;
  }

  private static String describe(Criterion c, Indicator i, UnitProfile unit) {
    List<String> parts = new ArrayList<>();
    if (i.part() != null) {
      parts.add("Văn bản: " + i.text());
    }
    parts.add("Yêu cầu: " + Requirements.of(i, unit) + ".");
    parts.add("Căn cứ: " + i.source() + " — " + c.name() + ".");
    if (i.rule() == RuleKind.YEAR_ON_YEAR) {
      parts.add("Bằng nhau không được tính là " + (Indicator.DECREASE.equals(i.threshold()) ? "giảm" : "tăng") + ".");
    }
    if (i.remark() != null) {
      parts.add("Ghi chú: " + i.remark());
    }
    if (c.remark() != null) {
      parts.add("Ghi chú về tiêu chí: " + c.remark());
    }
    for (String p : i.pending()) {
      parts.add("Chờ xác nhận văn bản: " + p);
    }
    return String.join(" ", parts);
  }

  /** An indicator's entered value in words, as the dossier page shows it ("45 / 50", "Có", "năm đánh giá …"). */
  public static String value(IndicatorInput v) {
    if (v == null) {
      return "—";
    }
    List<String> parts = new ArrayList<>();
    if (v.yes() != null) {
      parts.add(v.yes() ? "Có" : "Không");
    }
    if (v.met() != null || v.total() != null) {
      parts.add((v.met() == null ? "?" : v.met()) + " / " + (v.total() == null ? "?" : v.total()));
    }
    if (v.choice() != null) {
      parts.add(choice(v.choice()));
    }
    if (v.current() != null || v.previous() != null) {
      parts.add("năm đánh giá " + decimal(v.current()) + ", năm trước " + decimal(v.previous()));
    }
    if (v.judgement() != null) {
      parts.add("nhận định: " + (v.judgement() == IndicatorInput.Judgement.MET ? "Đạt" : "Không đạt"));
    }
    return parts.isEmpty() ? "—" : String.join("; ", parts);
  }

  private static String decimal(java.math.BigDecimal d) {
    return d == null ? "?" : d.stripTrailingZeros().toPlainString().replace('.', ',');
  }

  private static String choice(String c) {
    try {
      return EmulationTitle.valueOf(c).label();
    } catch (IllegalArgumentException e) {
      try {
        return DigitalLevel.valueOf(c).label();
      } catch (IllegalArgumentException e2) {
        return c;
      }
    }
  }
}
