package vn.hoctap.admin;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import vn.hoctap.org.OrgUnit;

/**
 * Read queries over the tree for administration: many codes at once, search, children counts. Hand-written
 * queries of the repositories are SQL ({@code nativeQuery}), not JPQL: Spring Data parses a JPQL {@code @Query}
 * twice at start-up (its own grammar and Hibernate's, ANTLR, cold), which cost about 3 s of every start.
 */
public interface OrgUnitLookups extends JpaRepository<OrgUnit, Long> {

  List<OrgUnit> findByCodeIn(Collection<String> codes);

  /** Code or name containing the text, ignoring case. */
  @Query(value = "select * from org_unit where lower(code) like lower(concat('%', :q, '%'))"
      + " or lower(name) like lower(concat('%', :q, '%')) order by path", nativeQuery = true)
  List<OrgUnit> search(@Param("q") String q, Pageable page);

  /** [parent id, number of children] for the given parents. */
  @Query(value = "select parent_id, count(*) from org_unit where parent_id in (:ids) group by parent_id",
      nativeQuery = true)
  List<Object[]> childCounts(@Param("ids") Collection<Long> ids);
}
