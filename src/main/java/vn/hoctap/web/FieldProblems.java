package vn.hoctap.web;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.hoctap.common.DomainException;

/** A refusal's messages by the form field they belong to, for showing each next to its field. */
public final class FieldProblems {

  private FieldProblems() {}

  /**
   * The messages of a refusal by field name, several for one field joined with a space; a message of no field goes
   * under {@code pageKey}, or is left out when that is null (the page shows the refusal's own message instead).
   */
  public static Map<String, String> of(DomainException e, String pageKey) {
    Map<String, String> problems = new LinkedHashMap<>();
    for (DomainException.Problem p : e.fieldProblems()) {
      String key = p.field() == null ? pageKey : p.field();
      if (key != null) {
        problems.merge(key, p.message(), (a, b) -> a + " " + b);
      }
    }
    return problems;
  }
}
