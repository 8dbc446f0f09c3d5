package vn.hoctap.org;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AuthorityRuleRepository extends JpaRepository<AuthorityRule, Long> {
  Optional<AuthorityRule> findByProvinceIdAndProcedureAndUnitTier(Long provinceId, String procedure,
      UnitKind.Tier unitTier);
}
