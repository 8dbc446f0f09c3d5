package vn.hoctap.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoctap.admin.Sheets.org;
import static vn.hoctap.admin.Sheets.user;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoctap.demo.DemoData;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.support.HoctapTest;
import vn.hoctap.support.Http;
import vn.hoctap.support.Http.Response;

/**
 * The administration pages over real HTTP with a session login: admins only, CSRF on every form, each change made
 * through the same service as the API (and so in the audit log), refusals shown in Vietnamese on the page.
 */
@HoctapTest
class AdminPagesHttpTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired OrgUnitRepository orgs;
  PageSession admin;

  @BeforeEach
  void login() {
    admin = new PageSession(port);
    Response r = admin.login("admin", DemoData.PASSWORD);
    assertThat(r.status()).isEqualTo(302);
    assertThat(r.body()).startsWith("Location: ").contains("/trang-chu");
  }

  static String unique(String prefix) {
    return prefix + (System.nanoTime() / 1000 % 1_000_000);
  }

  @Test
  void administratorsSeeThePagesOthersGetAVietnameseRefusal() {
    Response index = admin.get("/quan-tri");
    assertThat(index.status()).isEqualTo(200);
    assertThat(index.body()).contains("Quản trị hệ thống").contains("Chuyên viên thẩm định")
        .contains("/quan-tri/sap-xep");
    Response tree = admin.get("/quan-tri/don-vi?ma=HN-TT");
    assertThat(tree.status()).isEqualTo(200);
    assertThat(tree.body()).contains("Huyện Thanh Trì").contains("HN-TT-TH01").contains("Trường Tiểu học Tam Hiệp")
        .contains("phonggd");
    assertThat(admin.get("/quan-tri/don-vi?q=tam%20hi%E1%BB%87p").body()).contains("HN-TT-TH01");
    assertThat(admin.get("/quan-tri/nguoi-dung?q=phong").body()).contains("phonggd");
    assertThat(admin.get("/quan-tri/nguoi-dung/phonggd").body()).contains("reviewer-HN-TT")
        .contains("Chuyên viên thẩm định");
    assertThat(admin.get("/quan-tri/nhat-ky").status()).isEqualTo(200);
    Response unknown = admin.get("/quan-tri/don-vi?ma=KHONG-CO");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body()).contains("Không tìm thấy đơn vị").doesNotContain("Exception");

    PageSession reviewer = new PageSession(port);
    assertThat(reviewer.login("phonggd", DemoData.PASSWORD).status()).isEqualTo(302);
    Response refused = reviewer.get("/quan-tri");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).contains("Không thực hiện được").contains("Chỉ quản trị viên");
    assertThat(reviewer.get("/quan-tri/nguoi-dung/phonggd").status()).isEqualTo(403);
    Response grant = reviewer.submit("/trang-chu", "/quan-tri/nguoi-dung/phonggd/vai-tro",
        Map.of("role", "signer", "orgCode", "HN"));
    assertThat(grant.status()).isEqualTo(403);
    assertThat(identity.createUserQuery().userId("phonggd").memberOfGroup("signer-HN").count()).isZero();

    PageSession anonymous = new PageSession(port);
    Response toLogin = anonymous.get("/quan-tri");
    assertThat(toLogin.status()).isEqualTo(302);
    assertThat(toLogin.body()).contains("/dang-nhap");
  }

  @Test
  void aPostWithoutTheCsrfTokenIsRefused() {
    Response r = admin.post("/quan-tri/nguoi-dung/phonggd/vai-tro", Map.of("role", "viewer", "orgCode", "HN"));
    assertThat(r.status()).isEqualTo(403);
    assertThat(identity.createUserQuery().userId("phonggd").memberOfGroup("viewer-HN").count()).isZero();
  }

  @Test
  void usersAndRolesAreManagedThroughThePagesAndAudited() {
    String id = unique("trang.");
    Response created = admin.submit("/quan-tri/nguoi-dung", "/quan-tri/nguoi-dung", Map.of("id", id,
        "lastName", "Trần", "firstName", "Bình", "email", id + "@test.hoctap.vn", "password", "mat-khau-trang-1"));
    assertThat(created.status()).isEqualTo(302);
    assertThat(created.body()).contains("/quan-tri/nguoi-dung/" + id);
    String page = "/quan-tri/nguoi-dung/" + id;
    assertThat(admin.get(page).body()).contains("Đã tạo người dùng").contains("Trần Bình");

    Response granted = admin.submit(page, page + "/vai-tro", Map.of("role", "viewer", "orgCode", "HN-TT"));
    assertThat(granted.status()).isEqualTo(302);
    assertThat(admin.get(page).body()).contains("Đã giao vai trò Xem báo cáo").contains("viewer-HN-TT");
    assertThat(identity.createUserQuery().userId(id).memberOfGroup("viewer-HN-TT").count()).isEqualTo(1);
    assertThat(identity.createUserQuery().userId(id).memberOfGroup("org-HN-TT").count()).isEqualTo(1);

    JsonNode entries = new Http(port).get("admin", "/api/admin/audit?size=5").json().get("entries");
    JsonNode grant = entries.get(0);
    assertThat(grant.get("action").asText()).isEqualTo("ROLE_GRANTED");
    assertThat(grant.get("targetId").asText()).isEqualTo("viewer-HN-TT/" + id);
    assertThat(grant.get("actor").asText()).isEqualTo("admin");

    // an unknown unit is refused next to the unit field (UnitPickerHttpTest has the picker's cases)
    Response unknown = admin.submit(page, page + "/vai-tro", Map.of("role", "viewer", "orgCode", "KHONG-CO"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body()).contains("Không có đơn vị mã &quot;KHONG-CO&quot; trong phạm vi anh/chị quản lý");
    admin.submit(page, page + "/mat-khau", Map.of("password", "ngan"));
    assertThat(admin.get(page).body()).contains("Mật khẩu cần ít nhất 8 ký tự");

    assertThat(admin.submit(page, page + "/mat-khau", Map.of("password", "mat-khau-trang-2")).status())
        .isEqualTo(302);
    assertThat(identity.checkPassword(id, "mat-khau-trang-2")).isTrue();
    assertThat(admin.submit(page, page + "/mo-khoa", Map.of()).status()).isEqualTo(302);
    admin.submit(page, page + "/vai-tro/thu-hoi", Map.of("role", "viewer", "orgCode", "HN-TT"));
    assertThat(identity.createUserQuery().userId(id).memberOfGroup("viewer-HN-TT").count()).isZero();
    assertThat(admin.get("/quan-tri/nhat-ky").body()).contains("ROLE_REVOKED").contains("PASSWORD_SET")
        .contains("viewer-HN-TT/" + id);
  }

  @Test
  void unitsAreCreatedAndRenamedThroughThePages() {
    String code = unique("TR");
    Response created = admin.submit("/quan-tri/don-vi?ma=HN-TT", "/quan-tri/don-vi", Map.of("parentCode", "HN-TT",
        "code", code, "name", "Trường Tiểu học Trang", "kind", "UNIT", "unitKind", "PRIMARY", "publicUnit", "false"));
    assertThat(created.status()).isEqualTo(302);
    assertThat(orgs.findByCode(code).orElseThrow().getPath()).isEqualTo("/HN/HN-TT/" + code + "/");
    assertThat(orgs.findByCode(code).orElseThrow().isPublicUnit()).isFalse();
    String page = "/quan-tri/don-vi?ma=" + code;
    admin.submit(page, "/quan-tri/don-vi/doi-ten", Map.of("code", code, "name", "Trường Tiểu học Trang Mới"));
    assertThat(orgs.findByCode(code).orElseThrow().getName()).isEqualTo("Trường Tiểu học Trang Mới");
    assertThat(admin.get(page).body()).contains("Đã đổi tên");

    // refused on the same page, next to the form, with what was typed kept
    Response misplaced = admin.submit("/quan-tri/don-vi?ma=HN-TT-TTO", "/quan-tri/don-vi", Map.of("parentCode",
        "HN-TT-TTO", "code", code + "-H", "name", "Huyện dưới xã", "kind", "DISTRICT"));
    assertThat(misplaced.status()).isEqualTo(400);
    assertThat(misplaced.body()).contains("không thể trực thuộc").contains("value=\"Huyện dưới xã\"");
    assertThat(orgs.findByCode(code + "-H")).isEmpty();
  }

  @Test
  void theImportPageShowsTheProblemsOrTheCounts() {
    String p = unique("TI");
    byte[] bad = Sheets.workbook(List.<String[]>of(org(p, "Tỉnh trang", "Tỉnh/Thành phố", null, null, null)),
        List.<String[]>of(user(p.toLowerCase() + ".a", "Lê", "An", null, null, "Vua", p)));
    Response refused = admin.upload("/quan-tri/nhap", "/quan-tri/nhap", "sai.xlsx", bad);
    assertThat(refused.status()).isEqualTo(200);
    assertThat(refused.body()).contains("chưa nhập gì").contains("F (Vai trò)").contains("Vai trò &quot;Vua&quot;");
    assertThat(orgs.findByCode(p)).isEmpty();

    byte[] good = Sheets.workbook(List.<String[]>of(org(p, "Tỉnh trang", "Tỉnh/Thành phố", null, null, null)),
        List.<String[]>of(user(p.toLowerCase() + ".a", "Lê", "An", null, null, "Xem báo cáo", p)));
    Response imported = admin.upload("/quan-tri/nhap", "/quan-tri/nhap", "dung.xlsx", good);
    assertThat(imported.status()).isEqualTo(200);
    assertThat(imported.body()).contains("Đã nhập xong").contains("chưa có mật khẩu");
    assertThat(identity.createUserQuery().userId(p.toLowerCase() + ".a").memberOfGroup("viewer-" + p).count())
        .isEqualTo(1);
    Response template = admin.get("/quan-tri/nhap/mau");
    assertThat(template.status()).isEqualTo(200);
  }
}
