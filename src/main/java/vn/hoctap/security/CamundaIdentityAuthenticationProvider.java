package vn.hoctap.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * One set of users for our API and for the Camunda webapps: the engine's identity service checks the password
 * (with its own lock-out after repeated failures) and the user's groups become authorities, read afresh on every
 * request so that a revoked role takes effect at once.
 *
 * <p>HTTP Basic sends the password with every request, and bcrypt is slow on purpose. A password the engine has
 * just verified is remembered for a few minutes as a salted SHA-256 digest bound to the stored hash: changing the
 * password, a failed attempt or a lock-out ends it at once; wrong passwords are never remembered and always go
 * to the engine.
 *
 * <p>The engine delays each account after a wrong password (growing, capped, never a lasting lock: see
 * application.yaml); {@link LoginAddressThrottle} does the same per client address, across accounts.
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  static final Duration REMEMBER = Duration.ofMinutes(5);
  private static final int MAX_REMEMBERED = 50_000;

  private final IdentityService identity;
  private final LoginAddressThrottle addresses = new LoginAddressThrottle();
  private final Map<String, Instant> verified = new ConcurrentHashMap<>();
  private final byte[] salt = new byte[32];

  public CamundaIdentityAuthenticationProvider(IdentityService identity) {
    this.identity = identity;
    new SecureRandom().nextBytes(salt);
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object credentials = authentication.getCredentials();
    String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
    if (address != null && addresses.blocked(address)) {
      throw new BadCredentialsException("Đăng nhập sai nhiều lần từ địa chỉ này, thử lại sau ít phút.");
    }
    if (user == null || credentials == null || !passwordMatches(user, credentials.toString())) {
      if (address != null) {
        addresses.failed(address);
      }
      throw new BadCredentialsException("Sai tên đăng nhập hoặc mật khẩu.");
    }
    List<SimpleGrantedAuthority> groups = identity.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).map(SimpleGrantedAuthority::new).toList();
    return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
  }

  private boolean passwordMatches(String userId, String password) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (!(user instanceof UserEntity entity) || entity.getPassword() == null) {
      return identity.checkPassword(userId, password); // the engine answers, and counts the attempt
    }
    Instant now = ClockUtil.getCurrentTime().toInstant();
    // after any failed attempt (a delay or a lock is running) only the engine decides, until a success resets it
    boolean locked = entity.getAttempts() > 0
        || entity.getLockExpirationTime() != null && entity.getLockExpirationTime().toInstant().isAfter(now);
    String key = userId + '\0' + entity.getPassword() + '\0' + digest(password);
    Instant until = verified.get(key);
    if (until != null && until.isAfter(now) && !locked) {
      return true;
    }
    if (!identity.checkPassword(userId, password)) {
      verified.remove(key);
      return false;
    }
    if (verified.size() >= MAX_REMEMBERED) {
      verified.clear();
    }
    verified.put(key, now.plus(REMEMBER));
    return true;
  }

  private String digest(String password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      return HexFormat.of().formatHex(sha.digest(password.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
