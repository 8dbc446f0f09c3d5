package vn.hoctap.criteria;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import vn.hoctap.org.UnitKind;

/**
 * A versioned criteria set (bộ tiêu chí) for one title, tier and level, as published in a legal text. Sets are
 * immutable: a change is a new version, because stored evaluations refer to the version they were made with.
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record CriteriaSet(
    String code,
    String title,
    UnitKind.Tier tier,
    int level,
    int version,
    @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = "yyyy-MM-dd") LocalDate effectiveFrom,
    String source,
    boolean evidenceRequired,
    String evidenceSource,
    List<Criterion> criteria) {

  /** Title code of "Đơn vị học tập" (TT 24/2023/TT-BGDĐT). */
  public static final String LEARNING_UNIT = "LEARNING_UNIT";
  /** Title code of "Cộng đồng học tập" (TT 25/2023/TT-BGDĐT). */
  public static final String LEARNING_COMMUNITY = "LEARNING_COMMUNITY";

  public CriteriaSet {
    if (code == null || code.isBlank()) {
      throw new IllegalArgumentException("Bộ tiêu chí thiếu code");
    }
    Objects.requireNonNull(title, () -> "Bộ tiêu chí " + code + " thiếu title");
    Objects.requireNonNull(tier, () -> "Bộ tiêu chí " + code + " thiếu tier");
    Objects.requireNonNull(effectiveFrom, () -> "Bộ tiêu chí " + code + " thiếu effectiveFrom");
    if (level < 1 || version < 1) {
      throw new IllegalArgumentException("Bộ tiêu chí " + code + ": level và version phải từ 1 trở lên");
    }
    criteria = criteria == null ? List.of() : List.copyOf(criteria);
    if (evidenceRequired && (evidenceSource == null || evidenceSource.isBlank())) {
      throw new IllegalArgumentException("Bộ tiêu chí " + code + " yêu cầu minh chứng nhưng thiếu căn cứ (evidenceSource)");
    }
    Set<String> seen = new HashSet<>();
    for (Criterion c : criteria) {
      for (Indicator i : c.indicators()) {
        // Values are keyed by indicator code, so a duplicate would silently share one value.
        if (!seen.add(i.code())) {
          throw new IllegalArgumentException("Bộ tiêu chí " + code + " có mã chỉ tiêu trùng: " + i.code());
        }
      }
    }
  }

  /** The form the data files had before issue 19 (no evidence rule). */
  public CriteriaSet(String code, String title, UnitKind.Tier tier, int level, int version, LocalDate effectiveFrom,
      String source, List<Criterion> criteria) {
    this(code, title, tier, level, version, effectiveFrom, source, false, null, criteria);
  }

  /** All indicators in document order. */
  @JsonIgnore
  public List<Indicator> indicators() {
    return criteria.stream().flatMap(c -> c.indicators().stream()).toList();
  }

  /** The criterion an indicator belongs to. */
  public Optional<Criterion> criterionOf(String indicatorCode) {
    return criteria.stream().filter(c -> c.indicators().stream().anyMatch(i -> i.code().equals(indicatorCode)))
        .findFirst();
  }

  public Optional<Indicator> indicator(String indicatorCode) {
    return indicators().stream().filter(i -> i.code().equals(indicatorCode)).findFirst();
  }

  /** The same content under a new version and effective date. */
  public CriteriaSet asVersion(int newVersion, LocalDate newEffectiveFrom) {
    return new CriteriaSet(code, title, tier, level, newVersion, newEffectiveFrom, source, evidenceRequired,
        evidenceSource, criteria);
  }

  /** A copy in which the indicator with the same code is replaced. */
  public CriteriaSet withIndicator(Indicator replacement) {
    List<Criterion> replaced = criteria.stream()
        .map(c -> c.withIndicators(c.indicators().stream()
            .map(i -> i.code().equals(replacement.code()) ? replacement : i)
            .toList()))
        .toList();
    return new CriteriaSet(code, title, tier, level, version, effectiveFrom, source, evidenceRequired, evidenceSource,
        replaced);
  }
}
