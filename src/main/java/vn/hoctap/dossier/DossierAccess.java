package vn.hoctap.dossier;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.hoctap.common.DomainException;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.security.CurrentUser;

/**
 * Who may see a dossier: administrators; members of the unit's own groups; and the staff of any body above the
 * unit in the tree (its district and province) or named on its route. A user's bodies come from their groups
 * (team-, head-, reviewer-, signer-, director-, committee-, chair-, viewer-, council-, branch- followed by the org
 * code), and list queries filter on those bodies' paths.
 */
@Component
public class DossierAccess {

  private final OrgUnitRepository orgs;

  DossierAccess(OrgUnitRepository orgs) {
    this.orgs = orgs;
  }

  /** The path prefixes of the bodies the user works for; empty for a user with no role in any body. */
  public List<String> visiblePaths(CurrentUser user) {
    List<String> paths = new ArrayList<>();
    for (String group : user.groups()) {
      Groups.orgOfRoleGroup(group).flatMap(orgs::findByCode).map(OrgUnit::getPath).ifPresent(paths::add);
    }
    return paths;
  }

  public boolean canRead(CurrentUser user, Dossier d) {
    if (user.admin()) {
      return true;
    }
    for (String p : visiblePaths(user)) {
      if (d.getUnit().getPath().startsWith(p) || d.getReceivingOrg().getPath().equals(p)
          || d.getSignerOrg().getPath().equals(p)) {
        return true;
      }
    }
    return false;
  }

  /** 404 rather than 403, so that nobody learns which dossiers exist outside their jurisdiction. */
  public void requireRead(CurrentUser user, Dossier d) {
    if (!canRead(user, d)) {
      throw DomainException.notFound("Không tìm thấy hồ sơ số " + d.getId() + ".");
    }
  }
}
