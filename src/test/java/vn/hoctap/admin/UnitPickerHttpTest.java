package vn.hoctap.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.demo.DemoData;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.org.UnitKind;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.security.IdentityProvisioning;
import vn.hoctap.support.HoctapTest;
import vn.hoctap.support.Http.Response;

/**
 * The unit picker of "Giao vai trò" without JavaScript: the administrator types part of a name or code, "Tìm"
 * lists the units found (the exact code first, "%" and "_" only themselves, never a dissolved unit), and the role
 * is granted at the unit chosen. No unit chosen, an unknown code and a dissolved unit are each refused next to the
 * field (400) with the search and the role kept, and nothing granted. Outside administration the picker's scope is
 * the user's own part of the tree.
 */
@HoctapTest
class UnitPickerHttpTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired IdentityProvisioning provisioning;
  @Autowired OrgUnitRepository orgs;
  @Autowired JdbcTemplate jdbc;
  @Autowired UnitPicker picker;
  PageSession admin;

  @BeforeEach
  void login() {
    admin = new PageSession(port);
    assertThat(admin.login("admin", DemoData.PASSWORD).status()).isEqualTo(302);
  }

  static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  String newUser() {
    String id = "chondv" + System.nanoTime() % 1_000_000;
    provisioning.ensureUserSharingPassword(id, "Hoa", "Phạm Thị", id + "@test.hoctap.vn", DemoData.PASSWORD);
    return id;
  }

  long groups(String user, String group) {
    return identity.createUserQuery().userId(user).memberOfGroup(group).count();
  }

  @Test
  void theAdministratorFindsAUnitByPartOfItsNameAndGrantsTheRoleThere() {
    String user = newUser();
    String page = "/quan-tri/nguoi-dung/" + user;
    String before = admin.get(page).body();
    assertThat(before).contains("id=\"tim-don-vi\"", "Gõ ít nhất 2 ký tự").doesNotContain("name=\"orgCode\" type=\"text\"");

    String found = admin.get(page + "?tim-don-vi=" + q("thanh trì")).body();
    assertThat(found).contains("value=\"HN-TT\"", "Huyện Thanh Trì", "thuộc Thành phố Hà Nội", "Tìm thấy")
        .doesNotContain("value=\"HN-TT-TH01\"");
    // the exact code first, then by place in the tree
    String byCode = admin.get(page + "?tim-don-vi=" + q("hn-tt-th01")).body();
    assertThat(byCode).contains("Trường Tiểu học Tam Hiệp");
    assertThat(byCode.indexOf("value=\"HN-TT-TH01\"")).isPositive();
    // what is typed is text, not a pattern
    assertThat(admin.get(page + "?tim-don-vi=" + q("%_")).body()).contains("Không tìm thấy đơn vị nào có")
        .doesNotContain("name=\"orgCode\"");

    Response granted = admin.submit(page + "?tim-don-vi=" + q("thanh trì"), page + "/vai-tro",
        Map.of("role", "reviewer", "orgCode", "HN-TT", "tim-don-vi", "thanh trì"));
    assertThat(granted.status()).isEqualTo(302);
    assertThat(admin.get(page).body()).contains("Đã giao vai trò Chuyên viên thẩm định tại Huyện Thanh Trì (HN-TT).");
    assertThat(groups(user, "reviewer-HN-TT")).isEqualTo(1);
  }

  @Test
  void noUnitAnUnknownOneAndADissolvedOneAreRefusedNextToTheField() {
    String user = newUser();
    String page = "/quan-tri/nguoi-dung/" + user;
    OrgUnit gone = orgs.save(new OrgUnit("GIAITHE" + System.nanoTime() % 100000, "Xã Đã Giải Thể Thử", OrgKind.COMMUNE,
        null, true, orgs.findByCode("HN-TT").orElseThrow(), Instant.now()));
    jdbc.update("update org_unit set dissolved_at = ? where id = ?", java.sql.Timestamp.from(Instant.now()),
        gone.getId());
    assertThat(admin.get(page + "?tim-don-vi=" + q("Đã Giải Thể Thử")).body()).contains("Không tìm thấy đơn vị nào có")
        .doesNotContain("value=\"" + gone.getCode() + "\"");

    Response none = admin.submit(page, page + "/vai-tro", Map.of("role", "signer", "tim-don-vi", "thanh trì"));
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.body()).contains("id=\"loi-don-vi\"", "Chưa chọn đơn vị", "aria-invalid=\"true\"")
        // the search and the role are kept: the list is shown again and "Người ký" still chosen
        .contains("value=\"HN-TT\"", "value=\"thanh trì\"", "<option value=\"signer\" selected=\"selected\">Người ký</option>");

    Response unknown = admin.submit(page, page + "/vai-tro", Map.of("role", "viewer", "orgCode", "KHONG-CO-DV"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body()).contains("Không có đơn vị mã &quot;KHONG-CO-DV&quot; trong phạm vi anh/chị quản lý");

    Response dissolved = admin.submit(page, page + "/vai-tro", Map.of("role", "viewer", "orgCode", gone.getCode()));
    assertThat(dissolved.status()).isEqualTo(400);
    assertThat(dissolved.body()).contains("&quot;Xã Đã Giải Thể Thử&quot; đã giải thể");
    assertThat(identity.createGroupQuery().groupMember(user).list()).isEmpty();
  }

  @Test
  void outsideAdministrationThePickerOffersOnlyTheUsersOwnPartOfTheTree() {
    CurrentUser reviewer = new CurrentUser("phonggd", List.of("reviewer-HN-TT"));
    UnitPicker.Found own = picker.search(reviewer, "trường");
    assertThat(own.units()).isNotEmpty().allSatisfy(u -> assertThat(u.code()).startsWith("HN-TT"));
    assertThat(picker.pick(reviewer, "HN-TT-TH01")).isPresent();
    assertThat(picker.search(reviewer, "Thành phố Hà Nội").units()).isEmpty();
    OrgUnit elsewhere = orgs.save(new OrgUnit("KHAC" + System.nanoTime() % 100000, "Trường Khác Huyện",
        OrgKind.UNIT, UnitKind.PRIMARY, true, orgs.findByCode("HN").orElseThrow(), Instant.now()));
    assertThat(picker.pick(reviewer, elsewhere.getCode())).isEmpty();
    assertThat(picker.refusal(reviewer, elsewhere.getCode())).hasValueSatisfying(r ->
        assertThat(r.message()).contains("Không có đơn vị mã", "trong phạm vi anh/chị quản lý"));
  }
}
