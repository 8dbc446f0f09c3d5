package vn.hoctap.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.demo.DemoData;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.security.RawHttp;
import vn.hoctap.support.HoctapTest;
import vn.hoctap.support.Http.Response;

/** The admin API over real HTTP: every change audited, bad input refused with nothing changed, admins only. */
@HoctapTest
class AdministrationHttpTest {

  static final AtomicInteger SEQ = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired OrgUnitRepository orgs;
  @Autowired IdentityService identity;
  @Autowired AuditEntryRepository auditEntries;
  @Autowired JdbcTemplate jdbc;
  RawHttp http;

  @BeforeEach
  void client() {
    http = new RawHttp(port);
  }

  Response as(String user, String method, String path, String json) {
    return http.send(method, user, DemoData.PASSWORD, path, json);
  }

  Response admin(String method, String path, String json) {
    return as("admin", method, path, json);
  }

  static String unique(String prefix) {
    return prefix + System.nanoTime() % 1_000_000 + "-" + SEQ.incrementAndGet();
  }

  long auditRows() {
    return jdbc.queryForObject("select count(*) from audit_log", Long.class);
  }

  @Test
  void adminCreatesAndRenamesOrgUnitsAndEveryChangeIsAudited() {
    String district = unique("AD");
    Response created = admin("POST", "/api/admin/org-units", "{\"code\":\"" + district
        + "\",\"name\":\"Huyện thử\",\"kind\":\"DISTRICT\",\"parentCode\":\"HN\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("path").asText()).isEqualTo("/HN/" + district + "/");
    String school = unique("AS");
    Response unit = admin("POST", "/api/admin/org-units", "{\"code\":\"" + school + "\",\"name\":\"Trường thử\","
        + "\"kind\":\"UNIT\",\"unitKind\":\"PRIMARY\",\"publicUnit\":false,\"parentCode\":\"" + district + "\"}");
    assertThat(unit.status()).as(unit.body()).isEqualTo(201);
    assertThat(orgs.findByCode(school).orElseThrow().getPath()).isEqualTo("/HN/" + district + "/" + school + "/");

    Response renamed = admin("PUT", "/api/admin/org-units/" + school, "{\"name\":\"Trường Tiểu học Mới\"}");
    assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
    assertThat(orgs.findByCode(school).orElseThrow().getName()).isEqualTo("Trường Tiểu học Mới");

    List<AuditEntry> trail = auditEntries.findByTargetTypeAndTargetIdOrderByIdAsc("ORG_UNIT", school);
    assertThat(trail).extracting(AuditEntry::getAction).containsExactly("ORG_UNIT_CREATED", "ORG_UNIT_RENAMED");
    AuditEntry rename = trail.get(1);
    assertThat(rename.getActor()).isEqualTo("admin");
    assertThat(rename.getOccurredAt()).isNotNull();
    assertThat(rename.getBeforeJson()).contains("\"name\":\"Trường thử\"");
    assertThat(rename.getAfterJson()).contains("\"name\":\"Trường Tiểu học Mới\"");
    assertThat(trail.get(0).getBeforeJson()).isNull();

    // the log reads back newest first, with before/after as JSON
    JsonNode page = admin("GET", "/api/admin/audit?page=0&size=5", null).json();
    JsonNode newest = page.get("entries").get(0);
    assertThat(newest.get("action").asText()).isEqualTo("ORG_UNIT_RENAMED");
    assertThat(newest.get("targetId").asText()).isEqualTo(school);
    assertThat(newest.get("before").get("name").asText()).isEqualTo("Trường thử");
    assertThat(newest.get("after").get("name").asText()).isEqualTo("Trường Tiểu học Mới");
    assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(3);
    assertThat(admin("GET", "/api/admin/audit?page=1&size=2", null).json().get("entries").size()).isEqualTo(2);
  }

  @Test
  void badOrgUnitInputIsRefusedClearlyAndChangesNothing() {
    long before = auditRows();
    String code = unique("BAD");
    Response unknownParent = admin("POST", "/api/admin/org-units", "{\"code\":\"" + code
        + "\",\"name\":\"X\",\"kind\":\"COMMUNE\",\"parentCode\":\"KHONG-CO\"}");
    assertThat(unknownParent.status()).isEqualTo(404);
    assertThat(unknownParent.json().get("message").asText()).contains("Không tìm thấy đơn vị cấp trên")
        .contains("KHONG-CO");
    Response duplicate = admin("POST", "/api/admin/org-units",
        "{\"code\":\"HN-TT\",\"name\":\"Trùng\",\"kind\":\"DISTRICT\",\"parentCode\":\"HN\"}");
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.json().get("message").asText()).contains("đã có");
    Response missing = admin("POST", "/api/admin/org-units", "{\"kind\":\"UNIT\",\"parentCode\":\"HN\"}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().get("details").toString()).contains("Thiếu mã đơn vị").contains("Thiếu tên")
        .contains("unitKind");
    Response badCode = admin("POST", "/api/admin/org-units",
        "{\"code\":\"mã có dấu\",\"name\":\"X\",\"kind\":\"PROVINCE\"}");
    assertThat(badCode.status()).isEqualTo(400);
    Response wrongTier = admin("POST", "/api/admin/org-units", "{\"code\":\"" + code
        + "\",\"name\":\"X\",\"kind\":\"DISTRICT\",\"parentCode\":\"HN-TT-TTO\"}");
    assertThat(wrongTier.status()).isEqualTo(400);
    Response renameUnknown = admin("PUT", "/api/admin/org-units/KHONG-CO", "{\"name\":\"Y\"}");
    assertThat(renameUnknown.status()).isEqualTo(404);
    Response renameBlank = admin("PUT", "/api/admin/org-units/HN-TT", "{\"name\":\"  \"}");
    assertThat(renameBlank.status()).isEqualTo(400);
    Response noBody = admin("POST", "/api/admin/org-units", null);
    assertThat(noBody.status()).isEqualTo(400);

    assertThat(orgs.findByCode(code)).isEmpty();
    assertThat(orgs.findByCode("HN-TT").orElseThrow().getName()).doesNotContain("Trùng");
    assertThat(auditRows()).isEqualTo(before);
  }

  @Test
  void adminCreatesUsersAndGrantsAndRevokesRoles() {
    String user = unique("nguoidung.");
    Response created = admin("POST", "/api/admin/users", "{\"id\":\"" + user + "\",\"firstName\":\"An\","
        + "\"lastName\":\"Nguyễn\",\"email\":\"an@test.hoctap.vn\",\"password\":\"mat-khau-moi-1\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.body()).doesNotContain("mat-khau-moi-1");
    assertThat(identity.checkPassword(user, "mat-khau-moi-1")).isTrue();
    assertThat(http.send("GET", user, "mat-khau-moi-1", "/api/notifications", null).status()).isEqualTo(200);

    Response granted = admin("POST", "/api/admin/users/" + user + "/roles",
        "{\"role\":\"reviewer\",\"orgCode\":\"HN-TT\"}");
    assertThat(granted.status()).as(granted.body()).isEqualTo(201);
    assertThat(identity.createUserQuery().userId(user).memberOfGroup("reviewer-HN-TT").count()).isEqualTo(1);
    assertThat(admin("POST", "/api/admin/users/" + user + "/roles", "{\"role\":\"reviewer\",\"orgCode\":\"HN-TT\"}")
        .status()).isEqualTo(409);

    Response revoked = admin("DELETE", "/api/admin/users/" + user + "/roles/reviewer/HN-TT", null);
    assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
    assertThat(identity.createUserQuery().userId(user).memberOfGroup("reviewer-HN-TT").count()).isZero();
    assertThat(admin("DELETE", "/api/admin/users/" + user + "/roles/reviewer/HN-TT", null).status())
        .isEqualTo(404);

    List<AuditEntry> roleTrail = auditEntries.findByTargetTypeAndTargetIdOrderByIdAsc("ROLE",
        "reviewer-HN-TT/" + user);
    assertThat(roleTrail).extracting(AuditEntry::getAction).containsExactly("ROLE_GRANTED", "ROLE_REVOKED");
    assertThat(roleTrail.get(0).getBeforeJson()).doesNotContain("reviewer-HN-TT");
    assertThat(roleTrail.get(0).getAfterJson()).contains("reviewer-HN-TT");
    assertThat(roleTrail.get(1).getAfterJson()).doesNotContain("reviewer-HN-TT");
    List<AuditEntry> userTrail = auditEntries.findByTargetTypeAndTargetIdOrderByIdAsc("USER", user);
    assertThat(userTrail).extracting(AuditEntry::getAction).containsExactly("USER_CREATED");
    assertThat(userTrail.get(0).getAfterJson()).contains("Nguyễn").doesNotContain("mat-khau");
  }

  @Test
  void badUserInputIsRefusedClearlyAndChangesNothing() {
    long before = auditRows();
    String user = unique("baduser.");
    Response invalidId = admin("POST", "/api/admin/users", "{\"id\":\"người dùng\",\"firstName\":\"A\","
        + "\"lastName\":\"B\",\"password\":\"mat-khau-moi-1\"}");
    assertThat(invalidId.status()).isEqualTo(400);
    assertThat(invalidId.json().get("details").toString()).contains("không hợp lệ");
    Response missing = admin("POST", "/api/admin/users", "{\"id\":\"" + user + "\",\"password\":\"ngan\"}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().get("details").toString()).contains("Thiếu tên").contains("Thiếu họ")
        .contains("ít nhất 8");
    Response duplicate = admin("POST", "/api/admin/users", "{\"id\":\"phonggd\",\"firstName\":\"A\","
        + "\"lastName\":\"B\",\"password\":\"mat-khau-moi-1\"}");
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(identity.createUserQuery().userId(user).count()).isZero();

    Response unknownRole = admin("POST", "/api/admin/users/phonggd/roles", "{\"role\":\"king\",\"orgCode\":\"HN\"}");
    assertThat(unknownRole.status()).isEqualTo(400);
    assertThat(unknownRole.json().get("message").asText()).contains("Vai trò \"king\" không có");
    Response unknownOrg = admin("POST", "/api/admin/users/phonggd/roles",
        "{\"role\":\"reviewer\",\"orgCode\":\"KHONG-CO\"}");
    assertThat(unknownOrg.status()).isEqualTo(404);
    Response unknownUser = admin("POST", "/api/admin/users/" + user + "/roles",
        "{\"role\":\"reviewer\",\"orgCode\":\"HN\"}");
    assertThat(unknownUser.status()).isEqualTo(404);
    assertThat(unknownUser.json().get("message").asText()).contains("Không tìm thấy người dùng");
    Response missingRole = admin("POST", "/api/admin/users/phonggd/roles", "{\"orgCode\":\"HN\"}");
    assertThat(missingRole.status()).isEqualTo(400);

    assertThat(identity.createGroupQuery().groupId("king-HN").count()).isZero();
    assertThat(identity.createUserQuery().userId("phonggd").memberOfGroup("reviewer-HN").count()).isZero();
    assertThat(auditRows()).isEqualTo(before);
  }

  @Test
  void onlyAdministratorsMayUseTheAdminApi() {
    long before = auditRows();
    String code = unique("NA");
    for (Response r : List.of(
        as("phonggd", "POST", "/api/admin/org-units", "{\"code\":\"" + code
            + "\",\"name\":\"X\",\"kind\":\"PROVINCE\"}"),
        as("phonggd", "PUT", "/api/admin/org-units/HN-TT", "{\"name\":\"Chiếm quyền\"}"),
        as("phonggd", "POST", "/api/admin/users", "{\"id\":\"" + code.toLowerCase()
            + "\",\"firstName\":\"A\",\"lastName\":\"B\",\"password\":\"mat-khau-moi-1\"}"),
        as("phonggd", "POST", "/api/admin/users/phonggd/roles", "{\"role\":\"signer\",\"orgCode\":\"HN\"}"),
        as("phonggd", "DELETE", "/api/admin/users/phonggd/roles/reviewer/HN-TT", null),
        as("phonggd", "GET", "/api/admin/audit", null))) {
      assertThat(r.status()).as(r.body()).isEqualTo(403);
      assertThat(r.json().get("message").asText()).contains("Chỉ quản trị viên");
    }
    assertThat(http.send("GET", null, null, "/api/admin/audit", null).status()).isEqualTo(401);
    assertThat(orgs.findByCode(code)).isEmpty();
    assertThat(orgs.findByCode("HN-TT").orElseThrow().getName()).isNotEqualTo("Chiếm quyền");
    assertThat(identity.createUserQuery().userId("phonggd").memberOfGroup("signer-HN").count()).isZero();
    assertThat(identity.createUserQuery().userId("phonggd").memberOfGroup("reviewer-HN-TT").count()).isEqualTo(1);
    assertThat(auditRows()).isEqualTo(before);
  }
}
