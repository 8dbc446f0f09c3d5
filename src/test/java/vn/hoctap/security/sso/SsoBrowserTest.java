package vn.hoctap.security.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.browser.Accessibility;
import vn.hoctap.browser.BrowserSession;
import vn.hoctap.citizen.CitizenAccounts;
import vn.hoctap.citizen.Round;
import vn.hoctap.citizen.RoundEntry;
import vn.hoctap.citizen.RoundFixtures;
import vn.hoctap.citizen.RoundKind;
import vn.hoctap.citizen.RoundService;
import vn.hoctap.org.Groups;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.common.EngineClock;
import vn.hoctap.demo.DemoData;
import vn.hoctap.dossier.DossierService;
import vn.hoctap.org.UnitKind;
import vn.hoctap.process.RecognitionProcess;
import vn.hoctap.report.Chains;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;

/**
 * Single sign-on in headless Chromium through the test Keycloak's real login page: an official signs in and works
 * a task in hoctap's pages; an unknown identity and a user disabled at the provider are refused; logout ends both
 * sessions; a code of the untrusted realm opens nothing; an administrator reaches Cockpit with the same login.
 * axe-core and 360 px on hoctap's new pages, screenshots to docs/screenshots.
 */
@SsoTest
class SsoBrowserTest {

  static final String PASSWORD = DemoData.PASSWORD;

  @LocalServerPort int port;
  @Autowired Fixtures fx;
  @Autowired Chains chains;
  @Autowired DossierService dossiers;
  @Autowired JdbcTemplate jdbc;
  @Autowired RoundFixtures rf;
  @Autowired RoundService rounds;
  @Autowired CitizenAccounts citizenAccounts;

  String url(String path) {
    // the loopback address: the provider accepts hoctap's redirect to it on any port
    return "http://127.0.0.1:" + port + path;
  }

  /** hoctap's button, then the provider's own login page. */
  void signIn(BrowserSession b, String user) {
    b.driver.get(url("/dang-nhap"));
    b.visible(By.id("mot-lan-tinh")).click();
    providerLogin(b, user);
  }

  void providerLogin(BrowserSession b, String user) {
    b.wait.until(d -> d.getCurrentUrl().contains("/realms/") && !d.findElements(By.id("kc-login")).isEmpty());
    b.type(By.id("username"), user);
    b.type(By.id("password"), PASSWORD);
    b.visible(By.id("kc-login")).click();
  }

  void landedOn(BrowserSession b, String path) {
    try {
      b.wait.until(d -> d.getCurrentUrl().startsWith(url(path)));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("expected " + path + ", still at " + b.driver.getCurrentUrl() + ":\n" + b.bodyText(), e);
    }
  }

  @Test
  void anOfficialSignsInThroughTheProvidersPageIsMappedAndWorksATaskInHoctapsPages() throws Exception {
    TestUnit school = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pi = chains.submitted(school, LocalDate.now(EngineClock.ZONE).getYear());
    long id = Long.parseLong(pi.getBusinessKey());
    try (BrowserSession b = new BrowserSession()) {
      b.driver.get(url("/dang-nhap"));
      assertThat(b.visible(By.id("mot-lan-tinh")).getText())
          .isEqualTo("Đăng nhập bằng tài khoản một lần của thành phố (thử nghiệm)");
      Accessibility.check(b, "dang-nhap-mot-lan", true);
      b.visible(By.id("mot-lan-tinh")).click();
      providerLogin(b, "phonggd");
      landedOn(b, "/trang-chu");
      assertThat(b.visible(By.cssSelector("header .who")).getText()).isEqualTo("Lê Văn Cường");
      assertThat(b.visible(By.id("vai-tro")).getText()).contains("Chuyên viên thẩm định");

      b.driver.get(url("/ho-so/" + id));
      assertThat(b.visible(By.id("buoc-tieu-de")).getText()).contains("Kiểm tra tính đầy đủ");
      b.visible(By.cssSelector("input[name='f_completeness'][value='COMPLETE']")).click();
      b.visible(By.id("gui")).click();
      b.visible(By.id("da-xong"));
      assertThat(b.visible(By.id("buoc-tieu-de")).getText()).contains("Thẩm định");
      assertThat(b.driver.findElement(By.id("lich-su")).getText()).contains("Lê Văn Cường")
          .doesNotContain("phonggd");
    }
    // the dossier's history names the mapped hoctap user as the one who did the step
    assertThat(jdbc.queryForList("select actor from dossier_event where dossier_id = ? order by id", String.class,
        id)).contains("phonggd");
    assertThat(fx.task("phonggd", pi, RecognitionProcess.TASK_APPRAISE)).isNotNull();
    assertThat(jdbc.queryForObject("select count(*) from sso_identity where user_id = 'phonggd'"
        + " and last_login_at is not null", Long.class)).isEqualTo(1L);
  }

  @Test
  void aCitizenSignsInWithTheirCitizenIdClaimAndFillsTheirSelfAssessment() throws Exception {
    String number = "001189012345"; // congdan.an's citizen-ID claim in the realm
    int year = LocalDate.now(EngineClock.ZONE).getYear();
    RoundFixtures.Body school = rf.newSchool("HN-TT");
    Round round = rf.start(school, RoundKind.CITIZEN, year);
    // the school's team made the person's "Công dân" account with their number (issue 18)
    citizenAccounts.create(new CurrentUser(school.preparer(), List.of(Groups.team(school.code()))), school.code(),
        number, "Trương Thị", "An", null, "mat-khau-ban-dau");
    try (BrowserSession b = new BrowserSession()) {
      b.driver.get(url("/dang-nhap"));
      b.visible(By.id("mot-lan-tinh")).click();
      b.wait.until(d -> !d.findElements(By.id("kc-login")).isEmpty());
      Accessibility.keep(b.screenshot("dang-nhap-mot-lan-nha-cung-cap"), "dang-nhap-mot-lan-nha-cung-cap");
      providerLogin(b, "congdan.an");
      landedOn(b, "/trang-chu");
      assertThat(b.bodyText()).contains("Xin chào, Trương Thị An", "Công dân học tập năm " + year,
          "Chưa tự đánh giá").doesNotContain("Việc cần làm");

      b.visible(By.cssSelector("#dot-mo a.button")).click();
      b.visible(By.xpath("//label[contains(., 'Cán bộ, công chức, viên chức, doanh nhân')]/input")).click();
      b.visible(By.id("mo-phieu")).click();
      b.visible(By.id("phieu"));
      b.type(By.id("namSinh"), "1989");
      String[] codes = {"NL1.1", "NL1.2", "NL1.3", "NL1.4", "NL2.1", "NL2.2", "NL2.3", "NL2.4", "NL3.1", "NL3.2"};
      for (String code : codes) {
        b.type(By.id("d_" + code.replace('.', '_')), "9");
      }
      b.visible(By.id("luu-phieu")).click();
      assertThat(b.visible(By.id("ket-luan")).getText()).isEqualTo("Đạt");
      assertThat(b.driver.findElement(By.id("tong-diem")).getText()).isEqualTo("90");
    }
    RoundEntry mine = rounds.entry(round.id(), number).orElseThrow();
    assertThat(mine.fullName()).isEqualTo("Trương Thị An");
    assertThat(mine.selfAssessed()).isTrue();
    assertThat(mine.passed()).isTrue();
    assertThat(jdbc.queryForObject("select updated_by from round_entry where id = ?", String.class, mine.id()))
        .as("recorded as the person's own account").isEqualTo(number);
  }

  @Test
  void anUnknownIdentityIsRefusedWithAPageSayingWhomToAskAndMayEndTheProvidersSession() throws Exception {
    try (BrowserSession b = new BrowserSession()) {
      signIn(b, "nguoila");
      landedOn(b, "/dang-nhap/tu-choi");
      String page = b.visible(By.id("ly-do")).getText();
      assertThat(page).contains("chưa được gắn với người dùng nào của hoctap", "mã QN-XYZ",
          "không có trong cây tổ chức", "Phòng Công nghệ thông tin, Sở GDĐT (thử nghiệm)");
      assertThat(b.bodyText()).contains("Tôn Thất Khoa", "5a0f0001-0000-4000-8000-000000000007");
      Accessibility.check(b, "dang-nhap-tu-choi", true);
      b.driver.get(url("/trang-chu"));
      landedOn(b, "/dang-nhap");

      // the person ends the provider's session to try another account: the provider asks for a password again
      b.driver.navigate().back();
      b.driver.get(url("/dang-nhap/tu-choi"));
      b.visible(By.id("thoat-mot-lan")).click();
      landedOn(b, "/dang-nhap?thoat-mot-lan");
      assertThat(b.visible(By.cssSelector("p.ok")).getText()).contains("đăng xuất khỏi hệ thống đăng nhập một lần");
      b.visible(By.id("mot-lan-tinh")).click();
      b.wait.until(d -> !d.findElements(By.id("kc-login")).isEmpty());

      // the administrator finds the refused login on the single sign-on page, the link form filled from it
      b.driver.manage().deleteAllCookies();
      b.driver.get(url("/dang-nhap"));
      b.type(By.id("username"), "admin");
      b.type(By.id("password"), PASSWORD);
      b.visible(By.id("dang-nhap")).click();
      landedOn(b, "/trang-chu");
      b.driver.get(url("/quan-tri/dang-nhap-mot-lan"));
      assertThat(b.visible(By.id("bi-tu-choi")).isDisplayed()).isTrue();
      assertThat(b.bodyText()).contains("Tôn Thất Khoa", "QN-XYZ", "Chưa gắn với người dùng nào");
      Accessibility.check(b, "quan-tri-dang-nhap-mot-lan", true);
      b.visible(By.xpath("//tr[contains(., 'Tôn Thất Khoa')]//a[contains(., 'Gắn với')]")).click();
      assertThat(b.visible(By.id("link-subject")).getAttribute("value"))
          .isEqualTo("5a0f0001-0000-4000-8000-000000000007");
    }
    assertThat(jdbc.queryForObject("select count(*) from sso_identity where subject ="
        + " '5a0f0001-0000-4000-8000-000000000007'", Long.class)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'SSO_REFUSED'"
        + " and target_id = '5a0f0001-0000-4000-8000-000000000007'", Long.class)).isEqualTo(1L);
  }

  @Test
  void aUserDisabledAtTheProviderIsRefusedThereAndHoctapOpensNothing() throws Exception {
    long users = jdbc.queryForObject("select count(*) from ACT_ID_USER", Long.class);
    try (BrowserSession b = new BrowserSession()) {
      signIn(b, "nghiviec");
      b.wait.until(d -> d.getPageSource().contains("disabled") || d.getPageSource().contains("vô hiệu"));
      assertThat(b.driver.getCurrentUrl()).as("still at the provider").contains("/realms/hoctap/");
      b.screenshot("dang-nhap-mot-lan-tai-khoan-bi-khoa");
      b.driver.get(url("/trang-chu"));
      landedOn(b, "/dang-nhap");
    }
    assertThat(jdbc.queryForObject("select count(*) from ACT_ID_USER", Long.class)).isEqualTo(users);
    assertThat(jdbc.queryForObject("select count(*) from sso_identity where subject ="
        + " '5a0f0001-0000-4000-8000-000000000008'", Long.class)).isZero();
  }

  @Test
  void logoutEndsTheHoctapSessionAndTheProvidersSession() throws Exception {
    KeycloakAdmin keycloak = new KeycloakAdmin(KeycloakServer.ready());
    String subject = "5a0f0001-0000-4000-8000-000000000002"; // todanhgia in the realm
    int before = keycloak.sessions(KeycloakServer.REALM, subject);
    try (BrowserSession b = new BrowserSession()) {
      signIn(b, "todanhgia");
      landedOn(b, "/trang-chu");
      assertThat(b.visible(By.cssSelector("header .who")).getText()).isEqualTo("Nguyễn Văn An");
      assertThat(keycloak.sessions(KeycloakServer.REALM, subject)).isEqualTo(before + 1);

      b.visible(By.cssSelector("header form[action='/dang-xuat'] button")).click();
      landedOn(b, "/dang-nhap?thoat");
      assertThat(b.visible(By.cssSelector("p.ok")).getText()).isEqualTo("Bạn đã đăng xuất.");
      assertThat(keycloak.sessions(KeycloakServer.REALM, subject)).as("the provider's session ended")
          .isEqualTo(before);
      b.driver.get(url("/trang-chu"));
      landedOn(b, "/dang-nhap");
      // the button leads to the provider's password form again, not straight back in
      b.visible(By.id("mot-lan-tinh")).click();
      b.wait.until(d -> !d.findElements(By.id("kc-login")).isEmpty());
    }
  }

  @Test
  void aCodeOfTheUntrustedRealmSentToHoctapOpensNoSession() throws Exception {
    try (BrowserSession b = new BrowserSession()) {
      b.driver.get(url("/dang-nhap"));
      b.visible(By.id("mot-lan-tinh")).click();
      b.wait.until(d -> d.getCurrentUrl().contains("/realms/hoctap/"));
      // hoctap's own authorization request (state, nonce, PKCE), taken to the other realm, which knows the same
      // client and redirect; its user has the same name and unit as a mapped official
      b.driver.get(b.driver.getCurrentUrl().replace("/realms/hoctap/", "/realms/" + KeycloakServer.UNTRUSTED_REALM
          + "/"));
      providerLogin(b, "phonggd");
      landedOn(b, "/dang-nhap/tu-choi");
      assertThat(b.visible(By.id("ly-do")).getText()).contains("không đến từ hệ thống đăng nhập mà hoctap tin cậy");
      b.driver.get(url("/trang-chu"));
      landedOn(b, "/dang-nhap");
    }
  }

  @Test
  void anAdministratorSignedInBySingleSignOnOpensCockpitWithoutAnotherLoginAndOthersDoNot() throws Exception {
    try (BrowserSession b = new BrowserSession()) {
      signIn(b, "quantri");
      landedOn(b, "/trang-chu");
      assertThat(b.visible(By.cssSelector("header .who")).getText()).isEqualTo("Quản Trị");
      b.driver.get(url("/camunda/app/cockpit/sso/"));
      b.visible(By.xpath("//*[contains(text(), 'Định nghĩa quy trình') or contains(text(), 'Quy trình')]"));
      assertThat(b.driver.findElements(By.cssSelector("input[type='password']"))).isEmpty();
      b.screenshot("cockpit-dang-nhap-mot-lan");
      // one session: logging out of hoctap logs out of Cockpit too
      b.driver.get(url("/trang-chu"));
      b.visible(By.cssSelector("header form[action='/dang-xuat'] button")).click();
      landedOn(b, "/dang-nhap?thoat");
      b.driver.get(url("/camunda/app/cockpit/sso/"));
      b.visible(By.cssSelector("input[type='password']"));
    }
    try (BrowserSession b = new BrowserSession()) {
      signIn(b, "phonggd");
      landedOn(b, "/trang-chu");
      b.driver.get(url("/camunda/app/cockpit/sso/"));
      b.visible(By.cssSelector("input[type='password']"));
    }
  }

  @Test
  void whenTheProviderEndsThePersonsSessionHoctapsSessionEndsTooByBackChannelLogout() throws Exception {
    KeycloakServer server = KeycloakServer.ready();
    KeycloakAdmin keycloak = new KeycloakAdmin(server);
    String subject = "5a0f0001-0000-4000-8000-000000000003"; // hieutruong in the realm
    try (BrowserSession b = new BrowserSession()) {
      // the provider's administrator ends the session (Keycloak's admin console and API do the same)
      List<String> earlier = keycloak.sessionIds(KeycloakServer.REALM, subject);
      signIn(b, "hieutruong");
      landedOn(b, "/trang-chu");
      assertThat(b.visible(By.cssSelector("header .who")).getText()).isEqualTo("Trần Thị Bình");
      keycloak.endSession(KeycloakServer.REALM, keycloak.sessionIds(KeycloakServer.REALM, subject).stream()
          .filter(s -> !earlier.contains(s)).findFirst().orElseThrow());
      b.driver.get(url("/trang-chu"));
      landedOn(b, "/dang-nhap");

      // the person logs out at the provider itself, on its own page
      int before = keycloak.sessions(KeycloakServer.REALM, subject);
      b.visible(By.id("mot-lan-tinh")).click();
      providerLogin(b, "hieutruong");
      landedOn(b, "/trang-chu");
      b.driver.get(server.issuer(KeycloakServer.REALM) + "/protocol/openid-connect/logout");
      org.openqa.selenium.WebElement confirm = b.visible(By.id("kc-logout"));
      confirm.click();
      b.wait.until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(confirm));
      b.wait.until(d -> keycloak.sessions(KeycloakServer.REALM, subject) == before);
      b.driver.get(url("/trang-chu"));
      landedOn(b, "/dang-nhap");
      // and the button leads to the provider's password form again
      b.visible(By.id("mot-lan-tinh")).click();
      b.wait.until(d -> !d.findElements(By.id("kc-login")).isEmpty());
    }
  }

  @Test
  void anAdministratorLoggingOutOfCockpitEndsHoctapsSessionAndTheProvidersSession() throws Exception {
    KeycloakAdmin keycloak = new KeycloakAdmin(KeycloakServer.ready());
    String subject = "5a0f0001-0000-4000-8000-000000000004"; // quantri in the realm
    int before = keycloak.sessions(KeycloakServer.REALM, subject);
    try (BrowserSession b = new BrowserSession()) {
      signIn(b, "quantri");
      landedOn(b, "/trang-chu");
      assertThat(keycloak.sessions(KeycloakServer.REALM, subject)).isEqualTo(before + 1);
      b.driver.get(url("/camunda/app/cockpit/sso/"));
      b.visible(By.cssSelector("li.account a.dropdown-toggle")).click();
      b.visible(By.cssSelector("li.logout a")).click();
      // Cockpit's own login form: its session has ended
      b.visible(By.cssSelector("input[type='password']"));
      assertThat(keycloak.sessions(KeycloakServer.REALM, subject)).as("the provider's session ended")
          .isEqualTo(before);
      b.driver.get(url("/trang-chu"));
      landedOn(b, "/dang-nhap");
      b.visible(By.id("mot-lan-tinh")).click();
      b.wait.until(d -> !d.findElements(By.id("kc-login")).isEmpty());
    }
  }
}
