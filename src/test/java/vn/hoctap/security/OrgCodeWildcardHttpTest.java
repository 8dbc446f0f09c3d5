package vn.hoctap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoctap.common.EngineClock;
import vn.hoctap.demo.DemoData;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.org.PathPrefix;
import vn.hoctap.org.UnitKind;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestBody;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;
import vn.hoctap.support.Http;
import vn.hoctap.support.Http.Response;

/**
 * An org code may contain "_", which SQL's LIKE reads as "any one character": the subtree "/P/W1_X/" must not
 * take in the lookalike sibling "/P/W1AX/". Two districts created through the administration API, one school
 * dossier in each; the user of the "_" district sees only their own, in the dossier list, by id, on the dashboard
 * and in the tree below their body.
 */
@HoctapTest
class OrgCodeWildcardHttpTest {

  @LocalServerPort int port;
  @Autowired Fixtures fx;
  @Autowired IdentityProvisioning provisioning;
  @Autowired OrgUnitRepository orgs;
  Http http;

  @BeforeEach
  void init() {
    http = new Http(port);
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 12, 1).atTime(9, 0).atZone(EngineClock.ZONE).toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  void district(String code, String parent) {
    Response r = http.post("admin", "/api/admin/org-units", Map.of("code", code, "name", "Huyện " + code,
        "kind", "DISTRICT", "parentCode", parent));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  /** A user holding the given roles ("reviewer" at a code …), granted through the administration API. */
  String user(String id, String... roleAtCode) {
    provisioning.ensureUserSharingPassword(id, "Thử", "Người", id + "@test.hoctap.vn", DemoData.PASSWORD);
    for (int i = 0; i < roleAtCode.length; i += 2) {
      Response r = http.post("admin", "/api/admin/users/" + id + "/roles", Map.of("role", roleAtCode[i],
          "orgCode", roleAtCode[i + 1]));
      assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
    return id;
  }

  List<String> dossiers(String user, String query) {
    Response r = http.get(user, "/api/dossiers?size=100" + query);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    r.json().get("content").forEach(n -> ids.add(n.get("id").asText()));
    return ids;
  }

  static String card(String html, String id) {
    Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>(\\d+)<").matcher(html);
    assertThat(m.find()).as("card " + id).isTrue();
    return m.group(1);
  }

  @Test
  void aCodeWithAnUnderscoreDoesNotReachItsLookalikeSibling() {
    TestBody province = fx.newProvinceForUnits(true);
    String stem = "W" + System.nanoTime() % 100000;
    String underscore = stem + "_X";
    String sibling = stem + "AX"; // "_" matches the "A"
    district(underscore, province.code());
    district(sibling, province.code());
    TestUnit mine = fx.newUnit(underscore, UnitKind.PRIMARY, true);
    TestUnit theirs = fx.newUnit(sibling, UnitKind.PRIMARY, true);
    ProcessInstance own = fx.open(mine.team(), mine.code(), 1, 2026);
    ProcessInstance other = fx.open(theirs.team(), theirs.code(), 1, 2026);
    String reviewer = user("reviewer." + underscore.toLowerCase(), "reviewer", underscore);
    // a second body (a third, empty district) makes the dashboard group per body: the other query shape
    String third = stem + "-Y";
    district(third, province.code());
    String twoBodies = user("viewer2." + underscore.toLowerCase(), "viewer", underscore, "viewer", third);

    // the dossier list, with and without an org filter, and by id
    for (String user : List.of(reviewer, twoBodies)) {
      assertThat(dossiers(user, "")).as(user).containsExactly(own.getBusinessKey());
      assertThat(dossiers(user, "&orgCode=" + underscore)).as(user).containsExactly(own.getBusinessKey());
      assertThat(dossiers(user, "&orgCode=" + sibling)).as(user).isEmpty();
      Response read = http.get(user, "/api/dossiers/" + other.getBusinessKey());
      assertThat(read.status()).as(read.body()).isEqualTo(404);
      assertThat(read.body()).doesNotContain(theirs.code());
    }
    assertThat(dossiers("admin", "&orgCode=" + underscore)).containsExactly(own.getBusinessKey());
    assertThat(dossiers("admin", "&orgCode=" + sibling)).containsExactly(other.getBusinessKey());

    // the dashboard: their own body's figures only, the sibling is "not found" like an unknown code
    for (String user : List.of(reviewer, twoBodies)) {
      Response page = http.get(user, "/dashboard");
      assertThat(page.status()).as(page.body()).isEqualTo(200);
      assertThat(card(page.body(), "tong-ho-so")).as(user).isEqualTo("1");
      assertThat(page.body()).doesNotContain("Đơn vị thử " + theirs.code());
      assertThat(card(http.get(user, "/dashboard?org=" + underscore).body(), "tong-ho-so")).isEqualTo("1");
      assertThat(http.get(user, "/dashboard?org=" + sibling).status()).isEqualTo(404);
    }
    // per body (the grouped query of a user with two bodies): one dossier under the "_" district
    Matcher row = Pattern.compile(">Huyện " + Pattern.quote(underscore) + "</a></td>\\s*<td>[^<]*</td>\\s*"
        + "<td class=\"num\">(\\d+)</td>").matcher(http.get(twoBodies, "/dashboard").body());
    assertThat(row.find()).isTrue();
    assertThat(row.group(1)).isEqualTo("1");

    // the tree below the "_" district (reorganisation counts and moves with it)
    OrgUnit district = orgs.findByCode(underscore).orElseThrow();
    assertThat(orgs.findBelow(district.getPath())).extracting(OrgUnit::getCode).containsExactly(mine.code());
  }

  @Test
  void thePatternEscapesEveryWildcard() {
    assertThat(PathPrefix.pattern("/HN/HN_X/")).isEqualTo("/HN/HN\\_X/%");
    assertThat(PathPrefix.pattern("/A%B/C\\D/")).isEqualTo("/A\\%B/C\\\\D/%");
  }
}
