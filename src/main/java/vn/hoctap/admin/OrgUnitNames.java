package vn.hoctap.admin;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import vn.hoctap.org.OrgUnit;

/** Renames an org unit in place (code, parent and path stay: a rename changes no routing or group). */
public interface OrgUnitNames extends JpaRepository<OrgUnit, Long> {

  @Modifying(clearAutomatically = true, flushAutomatically = true)
  @Query(value = "update org_unit set name = :name where code = :code", nativeQuery = true)
  int rename(@Param("code") String code, @Param("name") String name);
}
