package vn.hoctap.security.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import vn.hoctap.admin.PageSession;
import vn.hoctap.citizen.Round;
import vn.hoctap.citizen.RoundFixtures;
import vn.hoctap.citizen.RoundKind;
import vn.hoctap.citizen.RoundService;
import vn.hoctap.citizen.Subject;
import vn.hoctap.common.EngineClock;
import vn.hoctap.demo.DemoData;
import vn.hoctap.security.IdentityProvisioning;
import vn.hoctap.org.UnitKind;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.Http.Response;

/**
 * Single sign-on over real HTTP against the test Keycloak (its real login form, hoctap's real callback): the first
 * login of an official of a unit an administrator opened to self-provisioning, a unit that is not, the
 * administrator's mapping of a refused identity, a suspended identity, and the untrusted realm's code and tokens.
 * Each asserts what the person sees, the session (or its absence) and the database.
 */
@SsoTest
class SsoLoginHttpTest {

  static final String PASSWORD = DemoData.PASSWORD;
  static final String ADMIN_PAGE = "/quan-tri/dang-nhap-mot-lan";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired SsoClientRegistrations registrations;
  @Autowired RoundFixtures rf;
  @Autowired Fixtures fx;
  @Autowired RoundService rounds;
  @Autowired IdentityProvisioning provisioning;
  @Autowired SsoAccounts accounts;

  PageSession admin() {
    PageSession s = new PageSession(port);
    assertThat(s.login("admin", PASSWORD).body()).contains("Location: ").doesNotContain("error");
    return s;
  }

  static String subjectOf(String realmUser) {
    return switch (realmUser) {
      case "gv.tamhiep" -> "5a0f0001-0000-4000-8000-000000000005";
      case "gv.ngochoi" -> "5a0f0001-0000-4000-8000-000000000006";
      case "hieutruong" -> "5a0f0001-0000-4000-8000-000000000003";
      default -> throw new IllegalArgumentException(realmUser);
    };
  }

  /** The page's words with their line breaks as spaces, as a person reads them. */
  static String text(String html) {
    return html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  @Test
  void theFirstLoginOfAnOfficialOfAnAllowedUnitCreatesAnAccountWithoutAnyRoleUntilOneIsGranted() {
    PageSession admin = admin();
    // not yet allowed: refused, nothing created
    SsoFlow before = new SsoFlow(port);
    SsoFlow.Step refused = before.signIn("gv.tamhiep", PASSWORD);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.url()).endsWith("/dang-nhap/tu-choi");
    assertThat(jdbc.queryForObject("select count(*) from ACT_ID_USER where ID_ like 'gv.tamhiep%'", Long.class))
        .isZero();

    Response allowed = admin.submit(ADMIN_PAGE, ADMIN_PAGE + "/tu-tao", Map.of("providerId", "tinh",
        "orgCode", "HN-TT-TH01", "includeBelow", "false"));
    assertThat(allowed.status()).isEqualTo(302);
    assertThat(admin.get(ADMIN_PAGE).body()).contains("Đã cho phép tự tạo tài khoản", "Trường Tiểu học Tam Hiệp");

    SsoFlow flow = new SsoFlow(port);
    SsoFlow.Step home = flow.signIn("gv.tamhiep", PASSWORD);
    assertThat(home.url()).endsWith("/trang-chu");
    assertThat(home.status()).isEqualTo(200);
    assertThat(home.body()).contains("Ngô Thị Hoa", "Bạn chưa được giao vai trò nào")
        .doesNotContain("Lập hồ sơ đề nghị mới");
    Map<String, Object> user = jdbc.queryForMap("select ID_, FIRST_, LAST_, PWD_ from ACT_ID_USER where ID_ = ?",
        "gv.tamhiep");
    assertThat(user.get("FIRST_")).isEqualTo("Hoa");
    assertThat(user.get("LAST_")).isEqualTo("Ngô Thị");
    assertThat(user.get("PWD_")).as("no password: only the single sign-on opens it")
        .isEqualTo(IdentityProvisioning.NO_PASSWORD);
    assertThat(jdbc.queryForObject("select count(*) from ACT_ID_MEMBERSHIP where USER_ID_ = 'gv.tamhiep'",
        Long.class)).as("no role, no jurisdiction from the claims").isZero();
    Map<String, Object> link = jdbc.queryForMap("select user_id, origin, claimed_org_code, suspended"
        + " from sso_identity where provider_id = 'tinh' and subject = ?", subjectOf("gv.tamhiep"));
    assertThat(link.get("user_id")).isEqualTo("gv.tamhiep");
    assertThat(link.get("origin")).isEqualTo("SELF");
    assertThat(link.get("claimed_org_code")).isEqualTo("HN-TT-TH01");
    assertThat(link.get("suspended")).isEqualTo(false);
    assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'SSO_USER_CREATED'"
        + " and target_id = 'gv.tamhiep'", Long.class)).isEqualTo(1L);
    // a team's page of the school stays closed: jurisdiction is hoctap's
    assertThat(flow.page("/quan-tri").status()).isEqualTo(403);
    assertThat(admin.get(ADMIN_PAGE).body()).contains("Tự tạo khi đăng nhập lần đầu (đơn vị khai báo HN-TT-TH01)");

    // the administrator grants a team role (at a unit of this test's own, so that the demo school's groups stay as
    // the other tests know them): at the next login the person may open a dossier
    String unit = fx.newUnit("HN-TT", UnitKind.PRIMARY, true).code();
    assertThat(admin.submit("/quan-tri/nguoi-dung/gv.tamhiep", "/quan-tri/nguoi-dung/gv.tamhiep/vai-tro",
        Map.of("role", "team", "orgCode", unit)).status()).isEqualTo(302);
    SsoFlow again = new SsoFlow(port);
    SsoFlow.Step second = again.signIn("gv.tamhiep", PASSWORD);
    assertThat(second.body()).contains("Lập hồ sơ đề nghị mới", "Tổ đánh giá");
    assertThat(jdbc.queryForObject("select count(*) from sso_identity where subject = ?", Long.class,
        subjectOf("gv.tamhiep"))).as("the same account, not a second one").isEqualTo(1L);
  }

  @Test
  void aUnitNotOpenedToSelfProvisioningIsRefusedByNameAndTheAdministratorLinksTheRefusedIdentity() {
    SsoFlow flow = new SsoFlow(port);
    SsoFlow.Step refused = flow.signIn("gv.ngochoi", PASSWORD);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(text(refused.body())).contains("Tài khoản này chưa được dùng trong hoctap", "Trường THPT Ngọc Hồi",
        "chưa được phép tự tạo tài khoản", "Phòng Công nghệ thông tin, Sở GDĐT (thử nghiệm)", "Đặng Văn Hùng",
        subjectOf("gv.ngochoi"), "Đăng xuất khỏi tài khoản một lần của thành phố (thử nghiệm)");
    assertThat(flow.page("/trang-chu").location()).as("no hoctap session").endsWith("/dang-nhap");
    assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'SSO_REFUSED' and target_id = ?"
        + " and after_json like '%UNIT_NOT_ALLOWED%'", Long.class, subjectOf("gv.ngochoi"))).isEqualTo(1L);

    PageSession admin = admin();
    String page = admin.get(ADMIN_PAGE).body();
    assertThat(page).contains("Đăng nhập bị từ chối gần đây", "Đặng Văn Hùng",
        "Đơn vị chưa được phép tự tạo tài khoản");
    // the link form: a user that does not exist is refused next to its field, the typed values stay
    Response wrong = admin.submit(ADMIN_PAGE, ADMIN_PAGE + "/gan", Map.of("providerId", "tinh",
        "subject", subjectOf("gv.ngochoi"), "userId", "khong-co-ai"));
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(text(wrong.body())).contains("Chưa gắn được tài khoản", "Không có người dùng hoctap \"khong-co-ai\"");
    assertThat(wrong.body()).contains("value=\"khong-co-ai\"", "value=\"" + subjectOf("gv.ngochoi") + "\"");
    assertThat(jdbc.queryForObject("select count(*) from sso_identity where subject = ?", Long.class,
        subjectOf("gv.ngochoi"))).isZero();

    assertThat(admin.submit("/quan-tri/nguoi-dung", "/quan-tri/nguoi-dung", Map.of("id", "dang.van.hung",
        "lastName", "Đặng Văn", "firstName", "Hùng", "email", "", "password", "mot-mat-khau-dai")).status())
        .isEqualTo(302);
    Response linked = admin.submit(ADMIN_PAGE, ADMIN_PAGE + "/gan", Map.of("providerId", "tinh",
        "subject", subjectOf("gv.ngochoi"), "userId", "dang.van.hung"));
    assertThat(linked.status()).isEqualTo(302);
    assertThat(admin.get(ADMIN_PAGE).body()).contains("Đã gắn tài khoản", "Quản trị viên gắn");
    String later = admin.get(ADMIN_PAGE).body();
    assertThat(later.substring(0, later.indexOf("id=\"gan\""))).as("no longer among the refused")
        .doesNotContain(subjectOf("gv.ngochoi"));
    assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'SSO_LINKED'"
        + " and target_id = 'dang.van.hung'", Long.class)).isEqualTo(1L);

    // the provider's session is still open: hoctap's button signs in without the password now
    SsoFlow.Step home = flow.follow(flow.page("/dang-nhap/mot-lan/tinh"));
    assertThat(home.url()).endsWith("/trang-chu");
    assertThat(home.body()).contains("Đặng Văn Hùng");
    // a second link of the same identity is refused
    Response twice = admin.submit(ADMIN_PAGE, ADMIN_PAGE + "/gan", Map.of("providerId", "tinh",
        "subject", subjectOf("gv.ngochoi"), "userId", "phonggd"));
    assertThat(twice.status()).isEqualTo(400);
    assertThat(text(twice.body())).contains("đã được gắn với người dùng \"dang.van.hung\"");
  }

  @Test
  void aSuspendedIdentityIsRefusedUntilTheAdministratorResumesIt() {
    long id = jdbc.queryForObject("select id from sso_identity where provider_id = 'tinh' and subject = ?",
        Long.class, subjectOf("hieutruong"));
    PageSession admin = admin();
    assertThat(admin.submit(ADMIN_PAGE, ADMIN_PAGE + "/" + id + "/tam-ngung", Map.of()).status()).isEqualTo(302);
    try {
      SsoFlow flow = new SsoFlow(port);
      SsoFlow.Step refused = flow.signIn("hieutruong", PASSWORD);
      assertThat(refused.status()).isEqualTo(403);
      assertThat(text(refused.body())).contains("đang bị tạm ngừng đăng nhập vào hoctap",
          "Phòng Công nghệ thông tin, Sở GDĐT (thử nghiệm)");
      assertThat(flow.page("/trang-chu").location()).endsWith("/dang-nhap");
      assertThat(admin.get(ADMIN_PAGE).body()).contains("Tạm ngừng");

      assertThat(admin.submit(ADMIN_PAGE, ADMIN_PAGE + "/" + id + "/mo-lai", Map.of()).status()).isEqualTo(302);
      SsoFlow.Step home = flow.follow(flow.page("/dang-nhap/mot-lan/tinh"));
      assertThat(home.url()).endsWith("/trang-chu");
      assertThat(home.body()).contains("Trần Thị Bình", "Thủ trưởng");
      assertThat(jdbc.queryForList("select action from audit_log where target_type = 'USER'"
          + " and target_id = 'hieutruong' and action like 'SSO_%' order by id", String.class))
          .containsSubsequence("SSO_SUSPENDED", "SSO_RESUMED");
    } finally {
      jdbc.update("update sso_identity set suspended = false where id = ?", id);
    }
  }

  @Test
  void aCodeIssuedByTheUntrustedRealmIsRefusedAndOpensNoSession() {
    SsoFlow flow = new SsoFlow(port);
    SsoFlow.Step start = flow.page("/dang-nhap/mot-lan/tinh");
    SsoFlow.Step toProvider = flow.get(URI.create(start.url()).resolve(start.location()).toString());
    assertThat(toProvider.location()).contains("/realms/hoctap/protocol/openid-connect/auth", "code_challenge=",
        "nonce=", "state=");
    // the same authorization request (state, nonce, PKCE challenge, redirect to hoctap) sent to the other realm,
    // whose client has the same id and secret and whose user claims the same citizen-ID number
    String untrusted = toProvider.location().replace("/realms/hoctap/", "/realms/" + KeycloakServer.UNTRUSTED_REALM
        + "/");
    SsoFlow.Step form = flow.follow(flow.get(untrusted));
    SsoFlow.Step back = flow.submitKeycloakLogin(form, "phonggd", PASSWORD);
    assertThat(back.location()).as("the untrusted realm sends its code to hoctap")
        .startsWith(flow.app + "/login/oauth2/code/tinh?").contains("code=");
    SsoFlow.Step refused = flow.follow(back);
    assertThat(refused.url()).endsWith("/dang-nhap/tu-choi");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(text(refused.body())).contains("Đăng nhập một lần chưa hoàn tất", "không đến từ hệ thống đăng nhập mà"
        + " hoctap tin cậy").doesNotContain("Lê Văn Cường");
    assertThat(flow.page("/trang-chu").location()).endsWith("/dang-nhap");
    assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'SSO_REFUSED'"
        + " and after_json like '%FAILED%'", Long.class)).isPositive();
  }

  @Test
  void tokensOfTheUntrustedRealmFailTheIdTokenCheckAndNoBearerTokenOpensAnything() throws Exception {
    KeycloakAdmin keycloak = new KeycloakAdmin(KeycloakServer.ready());
    ClientRegistration tinh = registrations.findByRegistrationId("tinh");
    assertThat(tinh).isNotNull();
    JwtDecoder decoder = new OidcIdTokenDecoderFactory().createDecoder(tinh);
    JsonNode trusted = keycloak.tokens(KeycloakServer.REALM, "congdan.an", PASSWORD);
    JsonNode other = keycloak.tokens(KeycloakServer.UNTRUSTED_REALM, "congdan.an", PASSWORD);
    // the check hoctap's login applies to every ID token: the trusted realm's passes (control) …
    assertThat(decoder.decode(trusted.get("id_token").asText()).getClaimAsString("so_dinh_danh"))
        .isEqualTo("001189012345");
    // … the other realm's, for the same citizen-ID number, does not: another issuer, another signing key
    assertThatThrownBy(() -> decoder.decode(other.get("id_token").asText())).isInstanceOf(JwtException.class);

    // hoctap takes no bearer token at all, from either realm: the API answers 401, pages send to the login page
    HttpClient http = HttpClient.newHttpClient();
    for (JsonNode t : List.of(trusted, other)) {
      for (String token : List.of(t.get("access_token").asText(), t.get("id_token").asText())) {
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + "/api/notifications")).header("Authorization", "Bearer " + token).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(401);
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + "/trang-chu")).header("Authorization", "Bearer " + token).header("Accept", "text/html").build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/dang-nhap");
      }
    }
  }

  @Test
  void aCitizenOnARoundsListGetsAnAccountWithTheCitizenRoleOnlyWhateverElseTheAccountLaterHolds() {
    String number = "001190020002"; // congdan.binh's citizen-ID claim in the realm
    RoundFixtures.Body school = rf.newSchool("HN-TT");
    Round round = rf.start(school, RoundKind.CITIZEN, LocalDate.now(EngineClock.ZONE).getYear());
    rounds.saveEntry(round.id(), Subject.OFFICIAL, number, "Phan Văn Bình", "1980", RoundFixtures.passing(), null,
        school.preparer());

    SsoFlow flow = new SsoFlow(port);
    SsoFlow.Step home = flow.signIn("congdan.binh", PASSWORD);
    assertThat(home.url()).endsWith("/trang-chu");
    assertThat(text(home.body())).contains("Xin chào, Phan Văn Bình", "Trường thử " + school.code(), number)
        .doesNotContain("Việc cần làm");
    assertThat(jdbc.queryForObject("select identity_no from citizen_account where user_id = ?", String.class,
        number)).isEqualTo(number);
    assertThat(jdbc.queryForList("select GROUP_ID_ from ACT_ID_MEMBERSHIP where USER_ID_ = ?", String.class,
        number)).containsExactly("citizen-" + school.code());
    assertThat(jdbc.queryForObject("select PWD_ from ACT_ID_USER where ID_ = ?", String.class, number))
        .isEqualTo(IdentityProvisioning.NO_PASSWORD);
    assertThat(jdbc.queryForObject("select origin from sso_identity where subject ="
        + " '5a0f0001-0000-4000-8000-00000000000a'", String.class)).isEqualTo("CITIZEN");
    assertThat(flow.page("/viec-can-lam").status()).as("a citizen's session opens no official page").isEqualTo(404);

    // the school later gives the same person a staff role: signing in by the citizen-ID claim still opens only
    // the citizen's pages (officials sign in with an account an administrator mapped, or a password)
    PageSession admin = admin();
    assertThat(admin.submit("/quan-tri/nguoi-dung/" + number, "/quan-tri/nguoi-dung/" + number + "/vai-tro",
        Map.of("role", "team", "orgCode", school.code())).status()).isEqualTo(302);
    SsoFlow again = new SsoFlow(port);
    SsoFlow.Step second = again.signIn("congdan.binh", PASSWORD);
    assertThat(text(second.body())).contains("Xin chào, Phan Văn Bình").doesNotContain("Việc cần làm");
    assertThat(again.page("/viec-can-lam").status()).isEqualTo(404);
    assertThat(jdbc.queryForObject("select count(*) from ACT_ID_USER where ID_ like ?", Long.class, number + "%"))
        .as("the same account, not a second one").isEqualTo(1L);
  }

  @Test
  void aCitizenIdOnNoListIsRefusedSayingWhomToAsk() {
    long users = jdbc.queryForObject("select count(*) from ACT_ID_USER", Long.class);
    SsoFlow flow = new SsoFlow(port);
    SsoFlow.Step refused = flow.signIn("congdan.khong", PASSWORD);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(text(refused.body())).contains("Số định danh của bạn chưa có trong danh sách công dân",
        "0011******03", "UBND xã, phường nơi bạn cư trú", "Lò Thị Cúc").doesNotContain("001190030003");
    assertThat(flow.page("/trang-chu").location()).endsWith("/dang-nhap");
    assertThat(jdbc.queryForObject("select count(*) from ACT_ID_USER", Long.class)).isEqualTo(users);
    assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'SSO_REFUSED'"
        + " and after_json like '%CITIZEN_UNKNOWN%'", Long.class)).isPositive();
  }

  @Test
  void theNameComesFromTheProviderAtEveryLoginButNeverARoleOrAUnit() {
    KeycloakAdmin keycloak = new KeycloakAdmin(KeycloakServer.ready());
    TestUnit school = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    provisioning.ensureUser("doiten", "Mai", "Đỗ Thị", null, "mat-khau-rieng");
    provisioning.ensureGroup(school.team(), "Tổ đánh giá — " + school.code(), "WORKFLOW");
    provisioning.ensureMembership("doiten", school.team());
    String subject = keycloak.createUser(KeycloakServer.REALM, "doi.ten", "Đỗ Thị Mai", school.code(), PASSWORD);
    accounts.link("admin", "tinh", subject, "doiten");

    SsoFlow first = new SsoFlow(port);
    assertThat(first.signIn("doi.ten", PASSWORD).body()).contains("Đỗ Thị Mai");
    assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'SSO_NAME_UPDATED'"
        + " and target_id = 'doiten'", Long.class)).as("the same name: nothing to record").isZero();

    String passwordHash = jdbc.queryForObject("select PWD_ from ACT_ID_USER where ID_ = 'doiten'", String.class);
    // at the provider: a new name, and another unit in the organisation claim
    keycloak.rename(KeycloakServer.REALM, subject, "Đỗ Thị Thanh Mai", "HN-THPT01");
    SsoFlow.Step home = new SsoFlow(port).signIn("doi.ten", PASSWORD);
    assertThat(home.url()).endsWith("/trang-chu");
    assertThat(text(home.body())).contains("Đỗ Thị Thanh Mai");
    Map<String, Object> user = jdbc.queryForMap("select FIRST_, LAST_, PWD_ from ACT_ID_USER where ID_ = ?",
        "doiten");
    assertThat(user.get("FIRST_")).isEqualTo("Mai");
    assertThat(user.get("LAST_")).isEqualTo("Đỗ Thị Thanh");
    assertThat(user.get("PWD_")).as("the password stays").isEqualTo(passwordHash);
    assertThat(jdbc.queryForList("select GROUP_ID_ from ACT_ID_MEMBERSHIP where USER_ID_ = 'doiten'", String.class))
        .as("roles and units stay hoctap's").containsExactly(school.team());
    assertThat(jdbc.queryForObject("select claimed_name from sso_identity where subject = ?", String.class,
        subject)).isEqualTo("Đỗ Thị Thanh Mai");
    assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'SSO_NAME_UPDATED'"
        + " and target_id = 'doiten' and actor = 'sso:tinh'", Long.class)).isEqualTo(1L);
  }

  @Test
  void aLogoutTokenNotSignedByTheProviderEndsNothingAndTheProvidersOwnEndsTheSession() throws Exception {
    KeycloakAdmin keycloak = new KeycloakAdmin(KeycloakServer.ready());
    String subject = subjectOf("hieutruong");
    List<String> earlier = keycloak.sessionIds(KeycloakServer.REALM, subject);
    SsoFlow flow = new SsoFlow(port);
    assertThat(flow.signIn("hieutruong", PASSWORD).url()).endsWith("/trang-chu");
    String sid = keycloak.sessionIds(KeycloakServer.REALM, subject).stream().filter(s -> !earlier.contains(s))
        .findFirst().orElseThrow();

    // the right issuer, audience, event and session id, but signed by a key the provider does not publish
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    KeyPair forger = rsa.generateKeyPair();
    String issuer = KeycloakServer.ready().issuer(KeycloakServer.REALM);
    String forged = BackChannelTokens.signed(forger, issuer, KeycloakServer.CLIENT, subject, sid);
    HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
        "http://127.0.0.1:" + port + "/logout/connect/back-channel/tinh"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("logout_token=" + forged)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(400);
    SsoFlow.Step still = flow.page("/trang-chu");
    assertThat(still.status()).as("the session stays").isEqualTo(200);
    assertThat(text(still.body())).contains("Trần Thị Bình");

    // the provider's administrator ends that session: Keycloak's signed logout token ends hoctap's
    keycloak.endSession(KeycloakServer.REALM, sid);
    SsoFlow.Step after = flow.page("/trang-chu");
    assertThat(after.status()).isEqualTo(302);
    assertThat(after.location()).endsWith("/dang-nhap");
  }
}
