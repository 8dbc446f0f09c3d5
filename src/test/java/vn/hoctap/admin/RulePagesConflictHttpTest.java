package vn.hoctap.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.demo.DemoData;
import vn.hoctap.dossier.DossierKindRules;
import vn.hoctap.dossier.DossierKindRules.Parameter;
import vn.hoctap.dossier.DossierKindRules.Rule;
import vn.hoctap.dossier.Title;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.procedure.AppraisalCouncilRules;
import vn.hoctap.support.HoctapTest;
import vn.hoctap.support.Http.Response;

/**
 * Two administrators edit one rule at once, over real HTTP with two sessions: each read the same version; the first
 * to save wins, the second is told in Vietnamese (409) with what they typed still in the form, and nothing of theirs
 * is saved — on the council rule page and on the dossier-kind page. A stale removal is refused the same way, and the
 * national default is never removed. The admin API changes a figure under the page's rules: a value the text fixes
 * only with a reason.
 */
@HoctapTest
class RulePagesConflictHttpTest {

  private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

  @LocalServerPort int port;
  @Autowired OrgUnitRepository orgs;
  @Autowired AppraisalCouncilRules councilRules;
  @Autowired DossierKindRules kindRules;
  @Autowired JdbcTemplate jdbc;

  PageSession admin() {
    PageSession s = new PageSession(port);
    assertThat(s.login("admin", DemoData.PASSWORD).status()).isEqualTo(302);
    return s;
  }

  static String version(String html) {
    Matcher m = VERSION.matcher(html);
    assertThat(m.find()).as("the form carries the row's version").isTrue();
    return m.group(1);
  }

  @Test
  void twoAdministratorsEditOneProvincesCouncilRule_theSecondIsToldAndNothingOfTheirsIsSaved() {
    String code = "PXD" + System.nanoTime() % 100000;
    OrgUnit province = orgs.save(new OrgUnit(code, "Tỉnh xung đột " + code, OrgKind.PROVINCE, null, true, null,
        Instant.now()));
    long id = councilRules.add("admin", new AppraisalCouncilRules.Edit(code, "1", "2", "MEMBERS", true, "", false,
        null)).id();
    String page = "/quan-tri/hoi-dong-danh-gia/" + id;
    PageSession first = admin();
    PageSession second = admin();
    String read = version(first.get(page).body());
    assertThat(version(second.get(page).body())).isEqualTo(read);

    Map<String, String> mine = new HashMap<>(Map.of("passNum", "2", "passDen", "3", "base", "MEMBERS",
        "returnForSupplement", "true", "source", "", "version", read));
    assertThat(first.submit(page, page, mine).status()).isEqualTo(302);

    Map<String, String> theirs = new HashMap<>(Map.of("passNum", "3", "passDen", "4", "base", "PRESENT",
        "source", "Văn bản của người thứ hai", "version", read));
    Response late = second.submit(page, page, theirs);
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.body()).contains("id=\"loi\"", "Người khác vừa sửa quy tắc này",
        "Tải lại bản mới của quy tắc", "value=\"4\"", "Văn bản của người thứ hai");
    AppraisalCouncilRules.Row saved = councilRules.get(id);
    assertThat(saved.passNum()).isEqualTo(2);
    assertThat(saved.passDen()).isEqualTo(3);
    assertThat(saved.base()).isEqualTo("MEMBERS");
    assertThat(saved.source()).isEmpty();
    assertThat(saved.version()).isEqualTo(Long.parseLong(read) + 1);
    assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'COUNCIL_RULE_CHANGED' and"
        + " target_id = ?", Long.class, code)).isEqualTo(1L);

    // a removal from the list read before the change is refused too, the rule stays
    assertThat(second.submit("/quan-tri/hoi-dong-danh-gia", page + "/xoa", Map.of("version", read)).status())
        .isEqualTo(302);
    assertThat(second.get("/quan-tri/hoi-dong-danh-gia").body()).contains("Người khác vừa sửa quy tắc này");
    assertThat(councilRules.get(id).passDen()).isEqualTo(3);

    // the national default is never removed
    AppraisalCouncilRules.Row national = councilRules.all().get(0);
    assertThat(national.nationalDefault()).isTrue();
    second.submit("/quan-tri/hoi-dong-danh-gia", "/quan-tri/hoi-dong-danh-gia/" + national.id() + "/xoa",
        Map.of("version", String.valueOf(national.version())));
    assertThat(second.get("/quan-tri/hoi-dong-danh-gia").body())
        .contains("Không xoá được quy tắc mặc định toàn quốc");
    assertThat(councilRules.get(national.id()).version()).isEqualTo(national.version());

    assertThat(second.submit("/quan-tri/hoi-dong-danh-gia", page + "/xoa",
        Map.of("version", String.valueOf(saved.version()))).status()).isEqualTo(302);
    assertThat(jdbc.queryForObject("select count(*) from appraisal_council_rule where org_id = ?", Long.class,
        province.getId())).isZero();
  }

  @Test
  void twoAdministratorsEditOneDossierKindFigure_theSecondIsToldAndNothingOfTheirsIsSaved() {
    Rule original = kindRules.rule(Title.LEARNING_COMMUNITY, Parameter.RETENTION_BASE_YEAR);
    String page = "/quan-tri/loai-ho-so/cong-dong-hoc-tap/nam-duoc-cong-nhan";
    try {
      PageSession first = admin();
      PageSession second = admin();
      String read = version(first.get(page).body());
      assertThat(read).isEqualTo(String.valueOf(original.version()));
      assertThat(version(second.get(page).body())).isEqualTo(read);

      assertThat(first.submit(page, page, Map.of("value", original.value(), "source", original.source(),
          "note", "Ghi chú của người thứ nhất", "version", read)).status()).isEqualTo(302);
      Response late = second.submit(page, page, Map.of("value", "DECISION_YEAR", "source", original.source(),
          "note", "Ghi chú của người thứ hai", "version", read));
      assertThat(late.status()).isEqualTo(409);
      assertThat(late.body()).contains("id=\"loi\"", "Người khác vừa sửa tham số này", "Ghi chú của người thứ hai");
      Rule now = kindRules.rule(Title.LEARNING_COMMUNITY, Parameter.RETENTION_BASE_YEAR);
      assertThat(now.value()).isEqualTo(original.value());
      assertThat(now.note()).isEqualTo("Ghi chú của người thứ nhất");
      assertThat(now.version()).isEqualTo(original.version() + 1);
    } finally {
      jdbc.update("update dossier_kind_rule set note = ? where title = 'LEARNING_COMMUNITY' and"
          + " parameter = 'RETENTION_BASE_YEAR'", original.note());
    }
  }

  @Test
  void tt24Dieu5K3_theApiChangesAValueTheTextFixesOnlyWithAReason() {
    Rule original = kindRules.rule(Title.LEARNING_UNIT, Parameter.UPGRADE_WAIT_MONTHS);
    assertThat(original.confirmed()).isTrue();
    String path = "/api/admin/dossier-kind-rules/LEARNING_UNIT/UPGRADE_WAIT_MONTHS";
    vn.hoctap.support.Http http = new vn.hoctap.support.Http(port);
    try {
      Response refused = http.put("admin", path, Map.of("value", "13"));
      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      assertThat(refused.body()).contains("Giá trị 12 tháng do văn bản quy định", "ghi lý do");
      assertThat(kindRules.rule(Title.LEARNING_UNIT, Parameter.UPGRADE_WAIT_MONTHS)).isEqualTo(original);
      Response changed = http.put("admin", path, Map.of("value", "13", "reason", "Thử qua API"));
      assertThat(changed.status()).as(changed.body()).isEqualTo(200);
      assertThat(changed.json().get("confirmed").asBoolean()).isFalse();
      assertThat(changed.json().get("note").asText()).contains("thành 13 tháng; lý do: Thử qua API");
    } finally {
      jdbc.update("update dossier_kind_rule set rule_value = ?, legal_source = ?, confirmed = ?, note = ? where"
          + " title = 'LEARNING_UNIT' and parameter = 'UPGRADE_WAIT_MONTHS'", original.value(), original.source(),
          original.confirmed(), original.note());
    }
  }
}
