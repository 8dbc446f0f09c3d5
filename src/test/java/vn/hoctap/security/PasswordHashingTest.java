package vn.hoctap.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.digest.Sha512HashDigest;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.demo.DemoData;
import vn.hoctap.support.HoctapTest;

/** Passwords are stored as bcrypt; hashes from before (SHA-512) still log in. */
@HoctapTest
class PasswordHashingTest {

  @Autowired IdentityProvisioning provisioning;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  String newUser(String prefix, String password) {
    String id = prefix + "." + System.nanoTime();
    provisioning.ensureUser(id, "Mật", "Khẩu", id + "@test.hoctap.vn", password);
    return id;
  }

  String storedHash(String id) {
    return jdbc.queryForObject("select PWD_ from ACT_ID_USER where ID_ = ?", String.class, id);
  }

  @Test
  void newPasswordsAreBcryptAndVerify() {
    String id = newUser("pw", DemoData.PASSWORD);
    String hash = storedHash(id);
    assertThat(hash).startsWith("{" + BCryptPasswordEncryptor.ALGORITHM + "}$2a$10$")
        .doesNotContain(DemoData.PASSWORD);
    assertThat(identity.checkPassword(id, DemoData.PASSWORD)).isTrue();
    // and over HTTP Basic, as our API checks it
    assertThat(new RawHttp(port).send("GET", id, DemoData.PASSWORD, "/api/notifications", null).status())
        .isEqualTo(200);
    assertThat(identity.checkPassword(id, DemoData.PASSWORD + "x")).isFalse();
  }

  @Test
  void longVietnamesePassphrasesKeepEveryCharacter() {
    String pass = "Học tập suốt đời là chìa khóa của xã hội học tập — năm 2025 và mãi mãi";
    String id = newUser("pwlong", pass);
    assertThat(pass.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(72);
    assertThat(identity.checkPassword(id, pass)).isTrue();
    String other = newUser("pwlong2", pass);
    // differs only after byte 72: bcrypt alone would accept it
    assertThat(identity.checkPassword(other, pass.substring(0, pass.length() - 1) + "!")).isFalse();
  }

  @Test
  void demoUsersShareOneHashOfTheirPublicPasswordAndEachLogsIn() {
    String pass = "chung-" + System.nanoTime();
    String first = "pwshared1." + System.nanoTime();
    String second = "pwshared2." + System.nanoTime();
    provisioning.ensureUserSharingPassword(first, "Một", "Người", first + "@test.hoctap.vn", pass);
    provisioning.ensureUserSharingPassword(second, "Hai", "Người", second + "@test.hoctap.vn", pass);
    assertThat(storedHash(second)).isEqualTo(storedHash(first))
        .startsWith("{" + BCryptPasswordEncryptor.ALGORITHM + "}$2a$10$");
    assertThat(identity.checkPassword(second, pass)).isTrue();
    assertThat(new RawHttp(port).send("GET", second, pass, "/api/notifications", null).status()).isEqualTo(200);
    assertThat(identity.checkPassword(second, pass + "x")).isFalse();
    // a user's own password is hashed with a salt of its own
    String own = newUser("pwown", pass);
    assertThat(storedHash(own)).isNotEqualTo(storedHash(first));
    assertThat(identity.checkPassword(own, pass)).isTrue();
  }

  @Test
  void passwordsHashedBeforeWithSha512StillVerify() {
    String id = newUser("pwold", "placeholder-1");
    String salt = jdbc.queryForObject("select SALT_ from ACT_ID_USER where ID_ = ?", String.class, id);
    jdbc.update("update ACT_ID_USER set PWD_ = ? where ID_ = ?",
        "{SHA-512}" + new Sha512HashDigest().encrypt(EncryptionUtil.saltPassword(DemoData.PASSWORD, salt)), id);
    assertThat(identity.checkPassword(id, DemoData.PASSWORD)).isTrue();
    assertThat(new RawHttp(port).send("GET", id, DemoData.PASSWORD, "/api/notifications", null).status())
        .isEqualTo(200);
  }
}
