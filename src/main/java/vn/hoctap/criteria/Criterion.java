package vn.hoctap.criteria;

import java.util.List;

/** A criterion (tiêu chí) groups indicators; TT24 has TC1 conditions, TC2 members' results, TC3 effect. */
public record Criterion(String code, String name, List<Indicator> indicators) {

  public Criterion {
    if (code == null || code.isBlank()) {
      throw new IllegalArgumentException("Tiêu chí thiếu code");
    }
    indicators = indicators == null ? List.of() : List.copyOf(indicators);
    for (Indicator i : indicators) {
      // Codes like TC3.CT1.HS carry their criterion; a mismatch is a data-file mistake.
      if (!i.code().startsWith(code + ".")) {
        throw new IllegalArgumentException("Chỉ tiêu " + i.code() + " không thuộc tiêu chí " + code);
      }
    }
  }
}
