package vn.hoctap.admin;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import vn.hoctap.org.OrgUnit;

/** Org units by many codes at once, for checking a spreadsheet against the tree. */
public interface ImportLookups extends JpaRepository<OrgUnit, Long> {
  List<OrgUnit> findByCodeIn(Collection<String> codes);
}
