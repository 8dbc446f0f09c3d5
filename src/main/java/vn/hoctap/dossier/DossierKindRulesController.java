package vn.hoctap.dossier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.hoctap.common.DomainException;
import vn.hoctap.dossier.DossierKindRules.Parameter;
import vn.hoctap.dossier.DossierKindRules.Rule;
import vn.hoctap.security.CurrentUser;

/**
 * The figures of the dossier kinds (12 months before an upgrade, 36 months of retention, which year it follows):
 * read by anyone signed in, changed by an administrator when a text settles an unconfirmed value.
 */
@RestController
@RequestMapping("/api/admin/dossier-kind-rules")
@Tag(name = "Quản trị")
class DossierKindRulesController {

  /** The new value; reason: why a value the text fixes (confirmed) is changed, required then. */
  record Change(String value, String reason) {}

  private final DossierKindRules rules;

  DossierKindRulesController(DossierKindRules rules) {
    this.rules = rules;
  }

  @GetMapping
  @Operation(summary = "Tham số của loại hồ sơ (nâng mức độ, công nhận lại) với căn cứ; confirmed = false: chờ xác"
      + " nhận văn bản")
  List<Rule> list() {
    return rules.all();
  }

  @PutMapping("/{title}/{parameter}")
  @Operation(summary = "Sửa một tham số của loại hồ sơ (chỉ quản trị viên; ghi nhật ký). Giá trị do văn bản quy định"
      + " (confirmed) chỉ sửa được khi có lý do (reason) và sau đó chuyển sang chờ xác nhận văn bản")
  Rule change(@PathVariable String title, @PathVariable String parameter, @RequestBody(required = false) Change body) {
    CurrentUser user = CurrentUser.get();
    if (user == null || !user.admin()) {
      throw DomainException.forbidden("Chỉ quản trị viên (nhóm hoctap-admin) mới được sửa tham số loại hồ sơ.");
    }
    Title t;
    Parameter p;
    try {
      t = Title.valueOf(title);
      p = Parameter.valueOf(parameter);
    } catch (IllegalArgumentException e) {
      throw DomainException.badInput("Không có tham số " + parameter + " cho danh hiệu " + title + ".");
    }
    return rules.change(t, p, body == null ? null : body.value(), body == null ? null : body.reason(), user.id());
  }
}
