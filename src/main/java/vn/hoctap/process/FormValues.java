package vn.hoctap.process;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import vn.hoctap.common.DomainException;

/**
 * Reads what a person submitted in a form, whatever type the Tasklist or an API client sent (numbers may come as
 * Long, Double or text), and collects every problem before anything is stored.
 */
final class FormValues {

  private final java.util.function.Function<String, Object> scope;
  private final List<DomainException.Problem> problems = new ArrayList<>();

  FormValues(VariableScope scope) {
    this.scope = scope::getVariable;
  }

  /** Over plain values, e.g. a page's preview of what a submission would give, before anything is submitted. */
  FormValues(java.util.Map<String, Object> values) {
    this.scope = values::get;
  }

  String text(String name) {
    Object v = scope.apply(name);
    if (v == null) {
      return null;
    }
    String s = v.toString().strip();
    return s.isEmpty() ? null : s;
  }

  String requiredText(String name, String label) {
    String s = text(name);
    if (s == null) {
      problem(name, "Cần nhập \"" + label + "\".");
    }
    return s;
  }

  String choice(String name, String label, String... allowed) {
    String s = text(name);
    for (String a : allowed) {
      if (a.equals(s)) {
        return s;
      }
    }
    problem(name, "Cần chọn \"" + label + "\"" + (s == null ? "." : " (giá trị \"" + s + "\" không hợp lệ)."));
    return null;
  }

  Long wholeNumber(String name, String label) {
    Object v = scope.apply(name);
    if (v == null || v.toString().isBlank()) {
      return null;
    }
    try {
      BigDecimal d = new BigDecimal(v.toString().strip());
      if (d.stripTrailingZeros().scale() > 0) {
        problem(name, "\"" + label + "\" phải là số nguyên (đang là " + v + ").");
        return null;
      }
      return d.longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      problem(name, "\"" + label + "\" phải là số (đang là \"" + v + "\").");
      return null;
    }
  }

  /**
   * A figure with decimals as people type it: "65,4" or "65.4" (decimal comma or point), "1.234,5" (dots between
   * thousands, decimal comma); null when empty.
   */
  BigDecimal decimal(String name, String label) {
    Object v = scope.apply(name);
    if (v == null || v.toString().isBlank()) {
      return null;
    }
    if (v instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    String s = v.toString().strip().replace(" ", "");
    if (s.contains(",") && s.contains(".")) {
      s = s.replace(".", "").replace(',', '.');
    } else if (s.contains(",")) {
      s = s.replace(',', '.');
    }
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      problem(name, "\"" + label + "\" phải là một số, ví dụ 65,4 (đang là \"" + v + "\").");
      return null;
    }
  }

  Boolean yesNo(String name, String label) {
    Object v = scope.apply(name);
    if (v == null || v.toString().isBlank()) {
      return null;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    return switch (v.toString().strip().toLowerCase()) {
      case "true", "yes", "co", "có" -> true;
      case "false", "no", "khong", "không" -> false;
      default -> {
        problem(name, "\"" + label + "\" phải là Có hoặc Không (đang là \"" + v + "\").");
        yield null;
      }
    };
  }

  java.time.LocalDate date(String name, String label) {
    Object v = scope.apply(name);
    if (v == null || v.toString().isBlank()) {
      problem(name, "Cần nhập \"" + label + "\".");
      return null;
    }
    if (v instanceof java.util.Date d) {
      return java.time.LocalDate.ofInstant(d.toInstant(), vn.hoctap.common.EngineClock.ZONE);
    }
    try {
      return java.time.LocalDate.parse(v.toString().strip().substring(0, Math.min(10, v.toString().strip().length())));
    } catch (java.time.format.DateTimeParseException e) {
      problem(name, "\"" + label + "\" phải là ngày (năm-tháng-ngày), đang là \"" + v + "\".");
      return null;
    }
  }

  void problem(String message) {
    problems.add(new DomainException.Problem(null, message));
  }

  /** A problem of one field of the form (its key), shown next to that field on the page. */
  void problem(String field, String message) {
    problems.add(new DomainException.Problem(field, message));
  }

  void problems(java.util.List<String> messages) {
    messages.forEach(this::problem);
  }

  boolean hasProblems() {
    return !problems.isEmpty();
  }

  /** Refuses the whole submission if anything was wrong; nothing has been stored at this point. */
  void throwIfInvalid(String what) {
    if (!problems.isEmpty()) {
      throw DomainException.badInputOf(what + " chưa hợp lệ, chưa lưu gì. Hãy sửa:", problems);
    }
  }
}
