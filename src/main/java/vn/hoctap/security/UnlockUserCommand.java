package vn.hoctap.security;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The operator's way out when every administrator waits out a login delay or an old permanent lock:
 * {@code java -jar hoctap.jar --hoctap.unlock-user=admin} resets the account's failed attempts and lock in the
 * engine's tables and exits, without a web server (HoctapApplication). Works on PostgreSQL while the application
 * runs; on the embedded H2 file stop the application first (H2 allows one process).
 */
@Component
@ConditionalOnProperty(UnlockUserCommand.PROPERTY)
public class UnlockUserCommand implements ApplicationRunner, ExitCodeGenerator {

  public static final String PROPERTY = "hoctap.unlock-user";
  private static final Logger LOG = LoggerFactory.getLogger(UnlockUserCommand.class);

  private final IdentityService identity;
  private final String userId;
  private int exitCode = 1;

  public UnlockUserCommand(IdentityService identity, @Value("${" + PROPERTY + "}") String userId) {
    this.identity = identity;
    this.userId = userId.trim();
  }

  /** Whether the command line asks for an unlock (then no web server is started). */
  public static boolean requested(String[] args) {
    for (String a : args) {
      if (a.startsWith("--" + PROPERTY + "=")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void run(ApplicationArguments args) {
    // no authentication on this thread: the engine lets the operator's own process act as administrator
    if (identity.createUserQuery().userId(userId).count() == 0) {
      LOG.error("Không có người dùng '{}' (no such user).", userId);
      exitCode = 2;
      return;
    }
    identity.unlockUser(userId);
    LOG.warn("Đã mở khóa tài khoản '{}' (account unlocked: failed attempts and lock reset).", userId);
    exitCode = 0;
  }

  @Override
  public int getExitCode() {
    return exitCode;
  }
}
