package vn.hoctap.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.hoctap.common.DomainException;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.recognition.Notification;
import vn.hoctap.recognition.NotificationService;
import vn.hoctap.security.CurrentUser;

/** The organisation tree and the user's notifications. */
@RestController
@RequestMapping("/api")
@Tag(name = "Tổ chức và thông báo")
class OrgController {

  record OrgView(String code, String name, String kind, String kindLabel, String unitKind, String unitKindLabel,
      boolean publicUnit, String parentCode, String path) {}

  private final OrgUnitRepository orgs;
  private final NotificationService notifications;

  OrgController(OrgUnitRepository orgs, NotificationService notifications) {
    this.orgs = orgs;
    this.notifications = notifications;
  }

  @GetMapping("/orgs")
  @Operation(summary = "Các tổ chức cấp dưới trực tiếp đang hoạt động (không có parentCode: các tỉnh / thành"
      + " phố)")
  @Transactional(readOnly = true)
  List<OrgView> children(@RequestParam(required = false) String parentCode) {
    List<OrgUnit> list = parentCode == null ? orgs.findByParentIsNullOrderByCode()
        : orgs.findByParentIdOrderByCode(orgs.findByCode(parentCode).orElseThrow(() ->
            DomainException.notFound("Không tìm thấy tổ chức có mã \"" + parentCode + "\".")).getId());
    return list.stream().filter(o -> !o.isDissolved()).map(o -> new OrgView(o.getCode(), o.getName(), o.getKind().name(), o.getKind().label(),
        o.getUnitKind() == null ? null : o.getUnitKind().name(),
        o.getUnitKind() == null ? null : o.getUnitKind().label(), o.isPublicUnit(),
        o.getParent() == null ? null : o.getParent().getCode(), o.getPath())).toList();
  }

  @GetMapping("/notifications")
  @Operation(summary = "Thông báo gửi tới các nhóm của người dùng (100 thông báo mới nhất)")
  List<Notification> mine() {
    return notifications.forGroups(CurrentUser.get().groups());
  }
}
