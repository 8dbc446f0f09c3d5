package vn.hoctap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoctap.demo.DemoData;
import vn.hoctap.support.HoctapTest;

/**
 * Repeated wrong passwords over HTTP Basic: each failure delays the next try (1, 2, 4, 8 s), the fifth locks the
 * account until an administrator unlocks it, even with the right password and after a day; other users go on.
 * The engine clock is moved instead of waiting out the delays.
 */
@HoctapTest
class LoginThrottlingTest {

  static final String PATH = "/api/notifications";

  @Autowired IdentityProvisioning provisioning;
  @Autowired IdentityService identity;
  @LocalServerPort int port;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static void advanceMinutes(long minutes) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + minutes * 60_000));
  }

  String newUser(String prefix) {
    String id = prefix + "." + System.nanoTime();
    provisioning.ensureUserSharingPassword(id, "Thử", "Khóa", id + "@test.hoctap.vn", DemoData.PASSWORD);
    return id;
  }

  @Test
  void fiveWrongPasswordsLockTheAccountUntilAnAdministratorUnlocksIt() {
    RawHttp http = new RawHttp(port);
    String victim = newUser("lock");
    String bystander = newUser("nolock");
    assertThat(http.send("GET", victim, DemoData.PASSWORD, PATH, null).status()).isEqualTo(200);

    // one wrong password: even the right one is refused until the delay has passed
    assertThat(http.send("GET", victim, "sai-mat-khau", PATH, null).status()).isEqualTo(401);
    assertThat(http.send("GET", victim, DemoData.PASSWORD, PATH, null).status()).isEqualTo(401);
    advanceMinutes(2);
    assertThat(http.send("GET", victim, DemoData.PASSWORD, PATH, null).status()).as("delay over, counter reset")
        .isEqualTo(200);

    for (int i = 1; i <= 5; i++) {
      assertThat(http.send("GET", victim, "sai-mat-khau-" + i, PATH, null).status()).isEqualTo(401);
      advanceMinutes(2);
    }
    advanceMinutes(24 * 60);
    assertThat(http.send("GET", victim, DemoData.PASSWORD, PATH, null).status()).as("locked after 5 failures")
        .isEqualTo(401);
    assertThat(http.send("GET", bystander, DemoData.PASSWORD, PATH, null).status()).isEqualTo(200);

    // a non-administrator cannot unlock; an administrator can, and it is audited
    assertThat(http.send("POST", "phonggd", DemoData.PASSWORD, "/api/admin/users/" + victim + "/unlock", null)
        .status()).isEqualTo(403);
    assertThat(http.send("POST", "admin", DemoData.PASSWORD, "/api/admin/users/" + victim + "/unlock", null)
        .status()).isEqualTo(200);
    assertThat(http.send("GET", victim, DemoData.PASSWORD, PATH, null).status()).isEqualTo(200);
  }

  @Test
  void aChangedPasswordEndsTheRememberedLoginAtOnce() {
    RawHttp http = new RawHttp(port);
    String user = newUser("change");
    assertThat(http.send("GET", user, DemoData.PASSWORD, PATH, null).status()).isEqualTo(200);
    assertThat(http.send("GET", user, DemoData.PASSWORD, PATH, null).status()).isEqualTo(200);
    User u = identity.createUserQuery().userId(user).singleResult();
    u.setPassword("mat-khau-moi-2026");
    identity.saveUser(u);
    assertThat(http.send("GET", user, DemoData.PASSWORD, PATH, null).status()).isEqualTo(401);
    advanceMinutes(2);
    assertThat(http.send("GET", user, "mat-khau-moi-2026", PATH, null).status()).isEqualTo(200);
  }
}
