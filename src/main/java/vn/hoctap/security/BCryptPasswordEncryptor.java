package vn.hoctap.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The engine's password hash: bcrypt (Spring Security) instead of one round of SHA-512. The engine hands us the
 * password already joined with the user's own salt; bcrypt reads at most 72 bytes (and Spring Security refuses
 * more), so the salted password is first reduced to its SHA-256 (44 Base64 characters) — long Vietnamese
 * passphrases keep every character. Stored as "{BCRYPT-SHA256}$2a$10$…" in ACT_ID_USER.PWD_.
 */
public class BCryptPasswordEncryptor implements PasswordEncryptor {

  public static final String ALGORITHM = "BCRYPT-SHA256";

  private final BCryptPasswordEncoder bcrypt;

  public BCryptPasswordEncryptor(int strength) {
    this.bcrypt = new BCryptPasswordEncoder(strength);
  }

  @Override
  public String encrypt(String password) {
    return bcrypt.encode(sha256(password));
  }

  @Override
  public boolean check(String password, String encrypted) {
    return password != null && encrypted != null && bcrypt.matches(sha256(password), encrypted);
  }

  @Override
  public String hashAlgorithmName() {
    return ALGORITHM;
  }

  private static String sha256(String s) {
    try {
      return Base64.getEncoder().encodeToString(
          MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
