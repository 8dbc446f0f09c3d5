package vn.hoctap.org;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Every version of a province's rules; the one in force on a day is picked in Java (a handful of rows). */
public interface AuthorityRuleRepository extends JpaRepository<AuthorityRule, Long> {

  List<AuthorityRule> findByProvinceIdAndProcedureAndUnitTier(Long provinceId, String procedure,
      UnitKind.Tier unitTier);

  List<AuthorityRule> findByProvinceIdOrderByProcedureAscUnitTierAscValidFromAsc(Long provinceId);

  /** The rule in force on that day, if any (the service keeps the periods of one procedure and tier apart). */
  default Optional<AuthorityRule> inForce(Long provinceId, String procedure, UnitKind.Tier unitTier, LocalDate day) {
    return findByProvinceIdAndProcedureAndUnitTier(provinceId, procedure, unitTier).stream()
        .filter(r -> r.inForceOn(day)).findFirst();
  }
}
