package vn.hoctap.org;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OrgUnitRepository extends JpaRepository<OrgUnit, Long> {
  Optional<OrgUnit> findByCode(String code);

  List<OrgUnit> findByParentIdOrderByCode(Long parentId);

  List<OrgUnit> findByParentIsNullOrderByCode();

  Optional<OrgUnit> findFirstByKind(OrgKind kind);
}
