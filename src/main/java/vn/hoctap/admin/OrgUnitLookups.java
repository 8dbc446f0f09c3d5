package vn.hoctap.admin;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import vn.hoctap.org.OrgUnit;

/** Read queries over the tree for administration: many codes at once, search, children counts. */
public interface OrgUnitLookups extends JpaRepository<OrgUnit, Long> {

  List<OrgUnit> findByCodeIn(Collection<String> codes);

  /** Code or name containing the text, ignoring case. */
  @Query("select o from OrgUnit o where lower(o.code) like lower(concat('%', :q, '%'))"
      + " or lower(o.name) like lower(concat('%', :q, '%')) order by o.path")
  List<OrgUnit> search(@Param("q") String q, Pageable page);

  /** [parent id, number of children] for the given parents. */
  @Query("select o.parent.id, count(o) from OrgUnit o where o.parent.id in :ids group by o.parent.id")
  List<Object[]> childCounts(@Param("ids") Collection<Long> ids);
}
