package vn.hoctap.dossier;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.hoctap.common.DomainException;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.security.CurrentUser;

/**
 * Who may see a dossier: administrators; members of the unit's own groups; and the staff of any body above the
 * unit in the tree (its district and province) or named on its route. A user's bodies come from their groups
 * (team-, head-, reviewer-, signer-, director-, committee-, chair-, viewer-, council-, branch- followed by the org
 * code; never a citizen's own role, citizen-), and list queries filter on those bodies' paths.
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
      Groups.orgOfStaffGroup(group).flatMap(orgs::findByCode).map(OrgUnit::getPath).ifPresent(paths::add);
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

  /**
   * The statuses at the applicant's own step: preparing the dossier (self-assessment, the head's review or the
   * meeting) or supplementing it after a return. Once submitted, what the reviewers see must not change under them.
   */
  static final Set<DossierStatus> APPLICANT_STEPS = EnumSet.of(DossierStatus.PREPARING, DossierStatus.RETURNED);

  /**
   * Evidence is added by the applicant only — the unit's team or head ("Đơn vị học tập"), the committee staff or
   * chair ("Cộng đồng học tập") — while the dossier is at their step. Reading the dossier is not enough: a reviewer
   * reads it but does not add to what they are reviewing. 404 for a user who cannot read it, 403 for another
   * reader, 409 when the dossier has moved past the applicant's step.
   */
  public void requireEvidenceUpload(CurrentUser user, Dossier d) {
    requireRead(user, d);
    Title title = d.getTitle();
    String code = d.getUnit().getCode();
    if (!user.inAny(title.preparers(code), title.head(code))) {
      throw DomainException.forbidden("Chỉ " + (title == Title.LEARNING_UNIT ? "Tổ đánh giá và Thủ trưởng"
          : "cán bộ UBND và Chủ tịch UBND") + " của " + d.getUnit().getName() + " được tải minh chứng lên hồ sơ số "
          + d.getId() + ". Nếu hồ sơ cần thêm minh chứng, hãy trả lại hồ sơ để đơn vị bổ sung.");
    }
    if (!d.getStatus().open()) {
      throw DomainException.conflict("Hồ sơ số " + d.getId() + " đã kết thúc (" + d.getStatus().label()
          + "), không bổ sung minh chứng được nữa.");
    }
    if (!APPLICANT_STEPS.contains(d.getStatus())) {
      throw DomainException.conflict("Hồ sơ số " + d.getId() + " đang ở bước \"" + d.getStatus().label()
          + "\": chỉ bổ sung minh chứng khi đơn vị đang lập hồ sơ hoặc khi hồ sơ được trả lại để bổ sung. Nếu cần"
          + " bổ sung, hãy đề nghị " + d.getReceivingOrg().getName() + " trả lại hồ sơ.");
    }
  }

  /**
   * Whether the user may see a body's own details (such as its emulation council): one of their bodies, a body
   * below one (their jurisdiction), or a body above one (where their dossiers and proposals go, up to the
   * Ministry). Administrators see every body.
   */
  public boolean canSeeBody(CurrentUser user, OrgUnit body) {
    if (user.admin() || body.getKind() == OrgKind.NATION) {
      return true;
    }
    String path = body.getPath();
    return visiblePaths(user).stream().anyMatch(p -> path.startsWith(p) || p.startsWith(path));
  }
}
