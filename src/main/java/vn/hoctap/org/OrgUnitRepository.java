package vn.hoctap.org;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OrgUnitRepository extends JpaRepository<OrgUnit, Long> {
  Optional<OrgUnit> findByCode(String code);

  List<OrgUnit> findByParentIdOrderByCode(Long parentId);

  List<OrgUnit> findByParentIsNullOrderByCode();

  Optional<OrgUnit> findFirstByKind(OrgKind kind);

  /** Every node strictly below the given path, shallowest first. */
  @Query(value = "select * from org_unit where path like concat(:path, '%') and path <> :path"
      + " order by length(path), code", nativeQuery = true)
  List<OrgUnit> findBelow(@Param("path") String path);

  /**
   * Re-hangs the children of one body under another: their parent and every descendant's materialised path
   * ("/HN/HN-TT/X/..." becomes "/HN/X/...") in two statements.
   */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query(value = "update org_unit set path = concat(:newParentPath, substring(path, :cut))"
      + " where path like concat(:oldPath, '%') and path <> :oldPath", nativeQuery = true)
  int movePaths(@Param("oldPath") String oldPath, @Param("newParentPath") String newParentPath,
      @Param("cut") int cut);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query(value = "update org_unit set parent_id = :newParent where parent_id = :oldParent", nativeQuery = true)
  int moveChildren(@Param("oldParent") Long oldParent, @Param("newParent") Long newParent);
}
