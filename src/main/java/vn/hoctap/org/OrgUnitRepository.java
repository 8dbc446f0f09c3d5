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

  List<OrgUnit> findByKindAndDissolvedAtIsNullOrderByName(OrgKind kind);

  /** Every node strictly below the given path, shallowest first. */
  default List<OrgUnit> findBelow(String path) {
    return findBelow(PathPrefix.pattern(path), path);
  }

  /** findBelow with the subtree's LIKE pattern from PathPrefix.pattern (codes may contain "_"). */
  @Query(value = "select * from org_unit where path like :pattern escape '\\' and path <> :path"
      + " order by length(path), code", nativeQuery = true)
  List<OrgUnit> findBelow(@Param("pattern") String pattern, @Param("path") String path);

  /**
   * Re-hangs the children of one body under another: their parent and every descendant's materialised path
   * ("/HN/HN-TT/X/..." becomes "/HN/X/...") in two statements.
   */
  default int movePaths(String oldPath, String newParentPath, int cut) {
    return movePaths(PathPrefix.pattern(oldPath), oldPath, newParentPath, cut);
  }

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query(value = "update org_unit set path = concat(:newParentPath, substring(path, :cut))"
      + " where path like :pattern escape '\\' and path <> :oldPath", nativeQuery = true)
  int movePaths(@Param("pattern") String pattern, @Param("oldPath") String oldPath,
      @Param("newParentPath") String newParentPath, @Param("cut") int cut);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query(value = "update org_unit set parent_id = :newParent where parent_id = :oldParent", nativeQuery = true)
  int moveChildren(@Param("oldParent") Long oldParent, @Param("newParent") Long newParent);
}
