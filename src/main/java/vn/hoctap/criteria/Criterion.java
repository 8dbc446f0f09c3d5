package vn.hoctap.criteria;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A criterion (tiêu chí) groups indicators: TT24 has TC1 conditions, TC2 members' results, TC3 effect; TT25 has
 * four or five. {@code name} is the official wording, {@code source} its article and clause, {@code remark} a note
 * for readers (e.g. a drafting slip of the official text).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Criterion(String code, String name, String source, String remark, List<Indicator> indicators) {

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

  public Criterion(String code, String name, List<Indicator> indicators) {
    this(code, name, null, null, indicators);
  }

  /** The same criterion with other indicators. */
  public Criterion withIndicators(List<Indicator> replaced) {
    return new Criterion(code, name, source, remark, replaced);
  }
}
