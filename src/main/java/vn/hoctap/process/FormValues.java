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

  private final VariableScope scope;
  private final List<String> problems = new ArrayList<>();

  FormValues(VariableScope scope) {
    this.scope = scope;
  }

  String text(String name) {
    Object v = scope.getVariable(name);
    if (v == null) {
      return null;
    }
    String s = v.toString().strip();
    return s.isEmpty() ? null : s;
  }

  String requiredText(String name, String label) {
    String s = text(name);
    if (s == null) {
      problems.add("Cần nhập \"" + label + "\".");
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
    problems.add("Cần chọn \"" + label + "\"" + (s == null ? "." : " (giá trị \"" + s + "\" không hợp lệ)."));
    return null;
  }

  Long wholeNumber(String name, String label) {
    Object v = scope.getVariable(name);
    if (v == null || v.toString().isBlank()) {
      return null;
    }
    try {
      BigDecimal d = new BigDecimal(v.toString().strip());
      if (d.stripTrailingZeros().scale() > 0) {
        problems.add("\"" + label + "\" phải là số nguyên (đang là " + v + ").");
        return null;
      }
      return d.longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      problems.add("\"" + label + "\" phải là số (đang là \"" + v + "\").");
      return null;
    }
  }

  Boolean yesNo(String name, String label) {
    Object v = scope.getVariable(name);
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
        problems.add("\"" + label + "\" phải là Có hoặc Không (đang là \"" + v + "\").");
        yield null;
      }
    };
  }

  java.time.LocalDate date(String name, String label) {
    Object v = scope.getVariable(name);
    if (v == null || v.toString().isBlank()) {
      problems.add("Cần nhập \"" + label + "\".");
      return null;
    }
    if (v instanceof java.util.Date d) {
      return java.time.LocalDate.ofInstant(d.toInstant(), vn.hoctap.common.EngineClock.ZONE);
    }
    try {
      return java.time.LocalDate.parse(v.toString().strip().substring(0, Math.min(10, v.toString().strip().length())));
    } catch (java.time.format.DateTimeParseException e) {
      problems.add("\"" + label + "\" phải là ngày (năm-tháng-ngày), đang là \"" + v + "\".");
      return null;
    }
  }

  void problem(String message) {
    problems.add(message);
  }

  void problems(java.util.List<String> messages) {
    problems.addAll(messages);
  }

  /** Refuses the whole submission if anything was wrong; nothing has been stored at this point. */
  void throwIfInvalid(String what) {
    if (!problems.isEmpty()) {
      throw DomainException.badInput(what + " chưa hợp lệ, chưa lưu gì. Hãy sửa:", problems);
    }
  }
}
