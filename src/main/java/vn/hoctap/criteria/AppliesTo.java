package vn.hoctap.criteria;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.hoctap.org.UnitKind;
import vn.hoctap.org.UnitProfile;

/**
 * Which units an indicator applies to, in the terms of the texts. Every condition present must hold; an absent
 * condition (empty list, false flag) does not restrict. {@link #ALL} is used when the data file has no "appliesTo".
 *
 * <ul>
 *   <li>{@code unitKinds}: only these kinds (e.g. "cơ sở giáo dục phổ thông", "cơ sở giáo dục nghề nghiệp");</li>
 *   <li>{@code publicOnly}: only public units ("công lập", e.g. nhà trẻ, trường mầm non công lập);</li>
 *   <li>{@code publicAgencyOnly}: only "cơ quan, đơn vị sự nghiệp công lập" (public, not an economic
 *       organisation);</li>
 *   <li>{@code notEconomic}: not for an economic organisation ("không bao gồm … tổ chức kinh tế");</li>
 *   <li>{@code learnersOnly}: only units with "Người học" (TT24 Điều 2 khoản 8);</li>
 *   <li>{@code educationInstitutionOnly}: any school or centre (kept for the versions stored before issue 19).</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record AppliesTo(List<UnitKind> unitKinds, boolean publicOnly, boolean educationInstitutionOnly,
    boolean publicAgencyOnly, boolean notEconomic, boolean learnersOnly) {

  public static final AppliesTo ALL = new AppliesTo(List.of(), false, false, false, false, false);

  public AppliesTo {
    unitKinds = unitKinds == null ? List.of() : List.copyOf(unitKinds);
  }

  public AppliesTo(List<UnitKind> unitKinds, boolean publicOnly, boolean educationInstitutionOnly) {
    this(unitKinds, publicOnly, educationInstitutionOnly, false, false, false);
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
    if (publicAgencyOnly && !unit.publicAgency()) {
      return Optional.of("Chỉ áp dụng cho cơ quan, đơn vị sự nghiệp công lập");
    }
    if (notEconomic && unit.economicOrganisation()) {
      return Optional.of("Không áp dụng cho đơn vị là tổ chức kinh tế");
    }
    if (learnersOnly && (unit.kind() == null || !unit.kind().hasLearners())) {
      return Optional.of("Chỉ áp dụng cho cơ sở giáo dục có Người học (theo khoản 8 Điều 2 Thông tư 24/2023/TT-BGDĐT,"
          + " không gồm nhà trẻ, trường mẫu giáo, mầm non, tiểu học, trung học cơ sở)");
    }
    if (educationInstitutionOnly && (unit.kind() == null || !unit.kind().educationInstitution())) {
      return Optional.of("Chỉ áp dụng cho cơ sở giáo dục");
    }
    return Optional.empty();
  }

  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean test(UnitProfile unit) {
    return notApplicableReason(unit).isEmpty();
  }

  /** The conditions in words, for the catalogue page and docs/criteria.md; "mọi đơn vị" when there is none. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public String describe() {
    List<String> parts = new ArrayList<>();
    if (!unitKinds.isEmpty()) {
      parts.add(unitKinds.stream().map(UnitKind::label).collect(Collectors.joining(", ")));
    }
    if (publicOnly) {
      parts.add("công lập");
    }
    if (publicAgencyOnly) {
      parts.add("cơ quan, đơn vị sự nghiệp công lập");
    }
    if (notEconomic) {
      parts.add("trừ tổ chức kinh tế");
    }
    if (learnersOnly) {
      parts.add("cơ sở giáo dục có Người học");
    }
    if (educationInstitutionOnly) {
      parts.add("cơ sở giáo dục");
    }
    return parts.isEmpty() ? "mọi đơn vị" : String.join("; ", parts);
  }
}
