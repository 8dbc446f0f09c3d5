package vn.hoctap.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Camunda Form of forms/ (biểu mẫu của một bước) as hoctap's pages render it: a tree of fields read from the
 * form JSON, with the few FEEL hide conditions the forms use evaluated here. An unknown field type or condition
 * shape fails loudly at start-up, so a new form cannot silently lose a field or a rule.
 */
public record StepForm(String id, List<Field> fields) {

  /** A choice of a radio or select field. */
  public record Option(String value, String label) {}

  /** One component; {@code children} only for a group, {@code text} only for a text block. */
  public record Field(String type, String key, String label, String description, String text, boolean readonly,
      boolean required, Long min, Long max, Integer maxLength, List<Option> options, Hide hide,
      List<Field> children) {

    public boolean editable() {
      return key != null && !readonly && !"text".equals(type) && !"group".equals(type);
    }
  }

  static final List<String> TYPES = List.of("text", "textfield", "textarea", "number", "radio", "select", "checkbox",
      "datetime", "group");

  static StepForm parse(JsonNode form) {
    return new StepForm(form.path("id").asText(), fields(form));
  }

  private static List<Field> fields(JsonNode container) {
    List<Field> out = new ArrayList<>();
    for (JsonNode c : container.path("components")) {
      String type = c.path("type").asText();
      if (!TYPES.contains(type)) {
        throw new IllegalStateException("Biểu mẫu có loại trường chưa hỗ trợ: " + type);
      }
      JsonNode v = c.path("validate");
      List<Option> options = new ArrayList<>();
      for (JsonNode o : c.path("values")) {
        options.add(new Option(o.path("value").asText(), o.path("label").asText()));
      }
      String label = c.hasNonNull("label") ? c.get("label").asText() : c.path("dateLabel").asText(null);
      out.add(new Field(type, c.path("key").asText(null), label, c.path("description").asText(null),
          plain(c.path("text").asText(null)), c.path("readonly").asBoolean(false), v.path("required").asBoolean(false),
          v.hasNonNull("min") ? v.get("min").asLong() : null, v.hasNonNull("max") ? v.get("max").asLong() : null,
          v.hasNonNull("maxLength") ? v.get("maxLength").asInt() : null, List.copyOf(options),
          Hide.parse(c.path("conditional").path("hide").asText(null)), fields(c)));
    }
    return List.copyOf(out);
  }

  /**
   * A text block as plain text for the page: markdown heading marks and code quotes dropped, and the notes meant
   * for API clients (a parenthesis naming an /api/ path) left out; Thymeleaf escapes the rest.
   */
  static String plain(String markdown) {
    if (markdown == null) {
      return null;
    }
    return markdown.replaceAll("\\s*\\([^()]*/api/[^()]*\\)", "").replaceAll("(?m)^#+\\s*", "")
        .replace("`", "").strip();
  }

  /**
   * A field the page renders as a choice among the dossier's evidence files (a form's text field naming a file,
   * such as the meeting's minutes): its value is the chosen file's name, as the text field's would be. Never in a
   * .form file; the page puts it in place of the text field ({@link #replacing}).
   */
  public static final String EVIDENCE_FILE = "evidencefile";

  /** The same form with the field of that key changed (wherever it is in the tree). */
  public StepForm replacing(String key, java.util.function.UnaryOperator<Field> change) {
    return new StepForm(id, replacing(fields, key, change));
  }

  private static List<Field> replacing(List<Field> fields, String key, java.util.function.UnaryOperator<Field> change) {
    List<Field> out = new ArrayList<>();
    for (Field f : fields) {
      Field g = key.equals(f.key()) ? change.apply(f) : f;
      out.add(g.children().isEmpty() ? g : new Field(g.type(), g.key(), g.label(), g.description(), g.text(),
          g.readonly(), g.required(), g.min(), g.max(), g.maxLength(), g.options(), g.hide(),
          replacing(g.children(), key, change)));
    }
    return List.copyOf(out);
  }

  /** The same form with the field of that key replaced by these fields, in its place (wherever it is in the tree). */
  public StepForm splicing(String key, List<Field> replacement) {
    return new StepForm(id, splicing(fields, key, replacement));
  }

  private static List<Field> splicing(List<Field> fields, String key, List<Field> replacement) {
    List<Field> out = new ArrayList<>();
    for (Field f : fields) {
      if (key.equals(f.key())) {
        out.addAll(replacement);
        continue;
      }
      out.add(f.children().isEmpty() ? f : new Field(f.type(), f.key(), f.label(), f.description(), f.text(),
          f.readonly(), f.required(), f.min(), f.max(), f.maxLength(), f.options(), f.hide(),
          splicing(f.children(), key, replacement)));
    }
    return List.copyOf(out);
  }

  /** Every field of the tree, groups first then their children. */
  public List<Field> all() {
    List<Field> out = new ArrayList<>();
    collect(fields, out);
    return out;
  }

  private static void collect(List<Field> fields, List<Field> out) {
    for (Field f : fields) {
      out.add(f);
      collect(f.children(), out);
    }
  }

  /** The editable fields shown under these variables (a hidden group hides its children). */
  public List<Field> shownEditable(Map<String, Object> vars) {
    List<Field> out = new ArrayList<>();
    shown(fields, vars, out);
    return out;
  }

  private static void shown(List<Field> fields, Map<String, Object> vars, List<Field> out) {
    for (Field f : fields) {
      if (f.hide() != null && f.hide().hides(vars)) {
        continue;
      }
      if (f.editable()) {
        out.add(f);
      }
      shown(f.children(), vars, out);
    }
  }

  /**
   * The hide conditions the forms use, and only these: {@code =not(contains(v, "…"))}, {@code =v = "…"} and
   * {@code =v != "…"}. A missing variable counts as the empty text, as FEEL's null compares in the form viewer.
   */
  public record Hide(String variable, String operator, String literal) {

    private static final Pattern NOT_CONTAINS =
        Pattern.compile("^=\\s*not\\(\\s*contains\\(\\s*(\\w+)\\s*,\\s*\"([^\"]*)\"\\s*\\)\\s*\\)\\s*$");
    private static final Pattern COMPARE = Pattern.compile("^=\\s*(\\w+)\\s*(!=|=)\\s*\"([^\"]*)\"\\s*$");

    static Hide parse(String expression) {
      if (expression == null || expression.isBlank()) {
        return null;
      }
      Matcher m = NOT_CONTAINS.matcher(expression);
      if (m.matches()) {
        return new Hide(m.group(1), "not-contains", m.group(2));
      }
      m = COMPARE.matcher(expression);
      if (m.matches()) {
        return new Hide(m.group(1), m.group(2), m.group(3));
      }
      throw new IllegalStateException("Điều kiện ẩn trường chưa hỗ trợ trong biểu mẫu: " + expression);
    }

    public boolean hides(Map<String, Object> vars) {
      Object v = vars.get(variable);
      String s = v == null ? "" : v.toString();
      return switch (operator) {
        case "not-contains" -> !s.contains(literal);
        case "=" -> s.equals(literal);
        default -> !s.equals(literal);
      };
    }
  }
}
