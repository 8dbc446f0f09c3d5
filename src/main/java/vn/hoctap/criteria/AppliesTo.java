package vn.hoctap.criteria;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.hoctap.org.UnitKind;
import vn.hoctap.org.UnitProfile;

/**
 * Which units an indicator applies to. Every condition present must hold; an absent condition (empty list,
 * false flag) does not restrict. {@link #ALL} is used when the data file has no "appliesTo".
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record AppliesTo(List<UnitKind> unitKinds, boolean publicOnly, boolean educationInstitutionOnly) {

  public static final AppliesTo ALL = new AppliesTo(List.of(), false, false);

  public AppliesTo {
    unitKinds = unitKinds == null ? List.of() : List.copyOf(unitKinds);
  }

  /** Empty when the indicator applies to the unit, otherwise the reason shown to users. */
  public Optional<String> notApplicableReason(UnitProfile unit) {
    if (!unitKinds.isEmpty() && !unitKinds.contains(unit.kind())) {
      String kinds = unitKinds.stream().map(UnitKind::label).collect(Collectors.joining(", "));
      return Optional.of("Chỉ áp dụng cho: " + kinds);
    }
    if (publicOnly && !unit.publicUnit()) {
      return Optional.of("Chỉ áp dụng cho đơn vị công lập");
    }
    if (educationInstitutionOnly && (unit.kind() == null || !unit.kind().educationInstitution())) {
      return Optional.of("Chỉ áp dụng cho cơ sở giáo dục (đơn vị có người học)");
    }
    return Optional.empty();
  }

  public boolean test(UnitProfile unit) {
    return notApplicableReason(unit).isEmpty();
  }
}
