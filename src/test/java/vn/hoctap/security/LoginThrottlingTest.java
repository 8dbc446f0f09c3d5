package vn.hoctap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoctap.demo.DemoData;
import vn.hoctap.support.HoctapTest;

/**
 * Repeated wrong passwords over HTTP Basic: each failure delays the next try of that account (1, 2, 4, 8 s … at
 * most 60 s), never for good; one client address failing across many accounts waits as well; an operator
 * unlocks from the command line. The engine clock is moved instead of waiting out the delays. Failures are sent
 * from addresses of their own (127.x.y.z) so that other tests' logins from 127.0.0.1 are not delayed.
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

  /** A loopback address of this test alone (the whole 127.0.0.0/8 is the loopback interface). */
  static String ownAddress() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return "127." + r.nextInt(1, 255) + "." + r.nextInt(0, 255) + "." + r.nextInt(1, 255);
  }

  /** GET of the API with Basic credentials, sent from the given local address; the HTTP status. */
  int status(String from, String user, String password) {
    try (Socket s = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(from), 0)) {
      s.getOutputStream().write(("GET " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: "
          + BrowserLike.basic(user, password) + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
      return Integer.parseInt(line.split(" ")[1]);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void manyWrongPasswordsDelayTheAccountButNeverLockItForGood() {
    String from = ownAddress();
    String victim = newUser("lock");
    String bystander = newUser("nolock");
    assertThat(status(from, victim, DemoData.PASSWORD)).isEqualTo(200);

    // one wrong password: even the right one is refused until the delay has passed
    assertThat(status(from, victim, "sai-mat-khau")).isEqualTo(401);
    assertThat(status(from, victim, DemoData.PASSWORD)).isEqualTo(401);
    advanceMinutes(2);
    assertThat(status(from, victim, DemoData.PASSWORD)).as("delay over, counter reset").isEqualTo(200);

    // far more than the old limit of 5: each one counts, the delay stops growing at 60 s
    for (int i = 1; i <= 12; i++) {
      assertThat(status(from, victim, "sai-mat-khau-" + i)).isEqualTo(401);
      advanceMinutes(2);
    }
    User locked = identity.createUserQuery().userId(victim).singleResult();
    assertThat(((UserEntity) locked).getAttempts()).isEqualTo(12);
    assertThat(((UserEntity) locked).getLockExpirationTime()).as("capped at 60 s")
        .isBeforeOrEqualTo(new Date(ClockUtil.getCurrentTime().getTime() + 60_000));
    assertThat(status(from, victim, DemoData.PASSWORD)).as("delay over: the right password works").isEqualTo(200);
    assertThat(status(from, bystander, DemoData.PASSWORD)).isEqualTo(200);
  }

  @Test
  void oneAddressFailingAcrossAccountsWaitsWhateverTheAccount() {
    String from = ownAddress();
    String user = newUser("addr");
    for (int i = 0; i < LoginAddressThrottle.FREE_FAILURES; i++) {
      assertThat(status(from, "khong-co-" + i + "." + System.nanoTime(), "doan-mo-" + i)).isEqualTo(401);
    }
    assertThat(status(from, user, DemoData.PASSWORD)).as("within the allowance").isEqualTo(200);
    assertThat(status(from, "khong-co-nua." + System.nanoTime(), "doan-mo")).isEqualTo(401);
    assertThat(status(from, user, DemoData.PASSWORD)).as("the address waits, whatever the account").isEqualTo(401);
    assertThat(status(ownAddress(), user, DemoData.PASSWORD)).as("another address does not").isEqualTo(200);
    assertThat(identity.createUserQuery().userId(user).singleResult()).extracting(u -> ((UserEntity) u).getAttempts())
        .as("the refused right password did not count against the account").isEqualTo(0);
    advanceMinutes(2);
    assertThat(status(from, user, DemoData.PASSWORD)).as("the wait is over").isEqualTo(200);
  }

  @Test
  void anOperatorUnlocksAnAccountFromTheCommandLine() {
    String from = ownAddress();
    String victim = newUser("unlock");
    for (int i = 1; i <= 8; i++) {
      assertThat(status(from, victim, "sai-" + i)).isEqualTo(401);
      advanceMinutes(2);
    }
    assertThat(status(from, victim, "sai-cuoi")).isEqualTo(401);
    assertThat(status(from, victim, DemoData.PASSWORD)).as("delayed").isEqualTo(401);

    // what `java -jar hoctap.jar --hoctap.unlock-user=<id>` runs (HoctapApplication: no web server, then exit)
    UnlockUserCommand command = new UnlockUserCommand(identity, victim);
    command.run(new DefaultApplicationArguments("--" + UnlockUserCommand.PROPERTY + "=" + victim));
    assertThat(command.getExitCode()).isZero();
    assertThat(status(from, victim, DemoData.PASSWORD)).as("unlocked at once").isEqualTo(200);

    UnlockUserCommand nobody = new UnlockUserCommand(identity, "khong-co-ai-ten-nay");
    nobody.run(new DefaultApplicationArguments());
    assertThat(nobody.getExitCode()).isEqualTo(2);
    assertThat(UnlockUserCommand.requested(new String[] {"--hoctap.unlock-user=admin"})).isTrue();
    assertThat(UnlockUserCommand.requested(new String[] {"--server.port=8080"})).isFalse();
  }

  @Test
  void anAdministratorStillUnlocksThroughTheApi() {
    String from = ownAddress();
    String victim = newUser("apiunlock");
    assertThat(status(from, victim, "sai")).isEqualTo(401);
    assertThat(status(from, victim, DemoData.PASSWORD)).isEqualTo(401);
    RawHttp http = new RawHttp(port);
    assertThat(http.send("POST", "phonggd", DemoData.PASSWORD, "/api/admin/users/" + victim + "/unlock", null)
        .status()).isEqualTo(403);
    assertThat(http.send("POST", "admin", DemoData.PASSWORD, "/api/admin/users/" + victim + "/unlock", null)
        .status()).isEqualTo(200);
    assertThat(status(from, victim, DemoData.PASSWORD)).isEqualTo(200);
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
