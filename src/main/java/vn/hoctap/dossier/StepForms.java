package vn.hoctap.dossier;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import vn.hoctap.common.DomainException;
import vn.hoctap.dossier.StepForm.Field;

/**
 * The forms of every human step (forms/*.form), parsed once, and the two conversions of a page: the task's values
 * into the texts a person sees (dates as dd/MM/yyyy), and what the person typed into the values the step's
 * listener reads (whole numbers as Long, dates as yyyy-MM-dd). A wrong date is refused here, next to its field,
 * before anything reaches the engine; every other rule is the listener's, the same as for any other client.
 */
@Component
public class StepForms {

  static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
      .withResolverStyle(ResolverStyle.STRICT);

  /** One field as the page shows it. */
  public record Shown(Field field, String name, String value, List<String> errors, List<Shown> children) {
    public boolean checked(String option) {
      return option.equals(value);
    }
  }

  /** The values to submit, or the problems (by field key) that stop the submission before it is sent. */
  public record Converted(Map<String, Object> values, Map<String, List<String>> problems) {}

  private final Map<String, StepForm> byId = new HashMap<>();
  private final IndicatorTexts indicatorTexts;

  public StepForms(ObjectMapper json) {
    this(json, null);
  }

  @org.springframework.beans.factory.annotation.Autowired
  public StepForms(ObjectMapper json, IndicatorTexts indicatorTexts) {
    this.indicatorTexts = indicatorTexts;
    try {
      for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
        try (InputStream in = r.getInputStream()) {
          StepForm f = StepForm.parse(json.readTree(in));
          byId.put(f.id(), f);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Không đọc được các biểu mẫu trong forms/", e);
    }
  }

  public StepForm get(String formId) {
    return formId == null ? null : byId.get(formId);
  }

  public Map<String, StepForm> all() {
    return Map.copyOf(byId);
  }

  /**
   * The visible fields under the task's variables; {@code typed} (what the person sent, when the page comes back
   * with problems) takes the place of the stored values, so nothing typed is lost.
   */
  public List<Shown> show(StepForm form, Map<String, Object> vars, Map<String, String> typed,
      Map<String, List<String>> problems) {
    Map<String, IndicatorTexts.Text> texts = indicatorTexts == null ? Map.of() : indicatorTexts.of(vars);
    return show(form.fields(), vars, typed, problems, texts);
  }

  private List<Shown> show(List<Field> fields, Map<String, Object> vars, Map<String, String> typed,
      Map<String, List<String>> problems, Map<String, IndicatorTexts.Text> texts) {
    List<Shown> out = new ArrayList<>();
    for (Field shown : fields) {
      if (shown.hide() != null && shown.hide().hides(vars)) {
        continue;
      }
      Field f = relabel(shown, texts);
      String value = null;
      if (f.key() != null) {
        value = typed != null && f.editable() ? typed.get(f.key()) : display(f, vars.get(f.key()));
      }
      out.add(new Shown(f, f.key() == null ? null : "f_" + f.key(), value,
          f.key() == null ? List.of() : problems.getOrDefault(f.key(), List.of()),
          show(f.children(), vars, typed, problems, texts)));
    }
    return out;
  }

  /**
   * An indicator's group (shown where ";CODE;" is among the applicable codes) and its value fields in the words of
   * the dossier's own criteria set (IndicatorTexts); any other field as the form has it.
   */
  private static Field relabel(Field f, Map<String, IndicatorTexts.Text> texts) {
    IndicatorTexts.Text t = null;
    if ("group".equals(f.type()) && f.hide() != null && "applicableCodes".equals(f.hide().variable())) {
      t = texts.get(f.hide().literal().replace(";", ""));
    } else if (f.key() != null) {
      t = texts.get(f.key());
    }
    if (t == null) {
      return f;
    }
    return new Field(f.type(), f.key(), t.label(), t.description() == null ? f.description() : t.description(),
        f.text(), f.readonly(), f.required(), f.min(), f.max(), f.maxLength(), f.options(), f.hide(), f.children());
  }

  static String display(Field f, Object v) {
    if (v == null) {
      return null;
    }
    if ("datetime".equals(f.type())) {
      String s = v instanceof java.util.Date d ? LocalDate.ofInstant(d.toInstant(),
          vn.hoctap.common.EngineClock.ZONE).toString() : v.toString();
      try {
        return VN_DATE.format(LocalDate.parse(s.substring(0, Math.min(10, s.length()))));
      } catch (DateTimeParseException e) {
        return s;
      }
    }
    return v.toString();
  }

  /** What the person typed (fields named f_&lt;key&gt;) for the form's visible, editable fields only. */
  public Map<String, String> typed(StepForm form, Map<String, Object> vars, Map<String, String> params) {
    Map<String, String> typed = new LinkedHashMap<>();
    for (Field f : form.shownEditable(vars)) {
      String s = params.get("f_" + f.key());
      typed.put(f.key(), s == null ? "" : s);
    }
    return typed;
  }

  /** Converts typed texts to the values the step's listener reads; only the form's own keys. */
  public Converted convert(StepForm form, Map<String, Object> vars, Map<String, String> typed) {
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, List<String>> problems = new LinkedHashMap<>();
    for (Field f : form.shownEditable(vars)) {
      String s = typed.getOrDefault(f.key(), "").strip();
      switch (f.type()) {
        case "number" -> {
          try {
            values.put(f.key(), s.isEmpty() ? "" : (Object) Long.valueOf(s));
          } catch (NumberFormatException e) {
            values.put(f.key(), s); // the listener refuses it in its own words, with the others
          }
        }
        case "checkbox" -> values.put(f.key(), "true".equals(s) || "on".equals(s));
        case "datetime" -> {
          if (s.isEmpty()) {
            values.put(f.key(), "");
          } else {
            try {
              values.put(f.key(), LocalDate.parse(s, VN_DATE).toString());
            } catch (DateTimeParseException e) {
              problems.computeIfAbsent(f.key(), k -> new ArrayList<>()).add("\"" + f.label() + "\" phải là một ngày"
                  + " có thật, viết ngày/tháng/năm, ví dụ 04/12/2026 (đang là \"" + s + "\").");
            }
          }
        }
        default -> values.put(f.key(), s);
      }
    }
    return new Converted(values, problems);
  }

  /** A listener's refusal split for the page: problems of a field the page shows go next to it, the rest on top. */
  public record Refusal(Map<String, List<String>> byField, List<String> general) {}

  /** Where each problem of a listener's refusal is shown: by its field if the page shows it, else in the list. */
  public Refusal refusal(DomainException refusal, StepForm form, Map<String, Object> vars) {
    Map<String, List<String>> byField = new LinkedHashMap<>();
    List<String> general = new ArrayList<>();
    general.add(refusal.getMessage());
    Set<String> shown = form.shownEditable(vars).stream().map(Field::key).collect(Collectors.toSet());
    for (DomainException.Problem p : refusal.fieldProblems()) {
      if (p.field() != null && shown.contains(p.field())) {
        byField.computeIfAbsent(p.field(), k -> new ArrayList<>()).add(p.message());
      } else {
        general.add(p.message());
      }
    }
    return new Refusal(byField, general);
  }

  /**
   * The page that asks a person to confirm a step with a grave consequence before anything is sent (template
   * xac-nhan-buoc.html): what is being done, to what, the consequence, and what they typed, carried back unchanged
   * in hidden fields to the step's address either to confirm or to go back and edit.
   */
  public record Confirmation(String heading, String summary, String consequence, String action,
      Map<String, String> hidden) {

    public static final String TEMPLATE = "xac-nhan-buoc";

    public Confirmation(String stepName, String what, String summary, String consequence, String action,
        Map<String, String> typed) {
      this("Xác nhận bước «" + stepName + "» — " + what, summary, consequence, action, hiddenFields(typed));
    }

    private static Map<String, String> hiddenFields(Map<String, String> typed) {
      Map<String, String> hidden = new LinkedHashMap<>();
      typed.forEach((k, v) -> hidden.put("f_" + k, v));
      return hidden;
    }
  }
}
