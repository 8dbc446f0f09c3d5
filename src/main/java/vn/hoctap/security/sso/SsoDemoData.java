package vn.hoctap.security.sso;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo data (profile "demo") for a provider with id {@code tinh} — the Keycloak realm of the tests and of
 * scripts/demo-sso.sh (src/test/resources/keycloak/hoctap-realm.json), whose accounts have fixed ids: four of them
 * are mapped to the demo users of the same people. Nothing is written when no provider {@code tinh} is configured.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "hoctap.demo.enabled", havingValue = "true")
class SsoDemoData implements ApplicationRunner {

  static final String PROVIDER = "tinh";

  /** Account id in the realm → demo user. */
  static final String[][] MAPPED = {
      {"5a0f0001-0000-4000-8000-000000000001", "phonggd"},
      {"5a0f0001-0000-4000-8000-000000000002", "todanhgia"},
      {"5a0f0001-0000-4000-8000-000000000003", "hieutruong"},
      {"5a0f0001-0000-4000-8000-000000000004", "admin"}};

  private final SsoProperties properties;
  private final JdbcTemplate jdbc;

  SsoDemoData(SsoProperties properties, JdbcTemplate jdbc) {
    this.properties = properties;
    this.jdbc = jdbc;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (!properties.providers().containsKey(PROVIDER)) {
      return;
    }
    for (String[] m : MAPPED) {
      Integer n = jdbc.queryForObject("select count(*) from sso_identity where provider_id = ? and subject = ?",
          Integer.class, PROVIDER, m[0]);
      if (n != null && n == 0) {
        jdbc.update("insert into sso_identity (provider_id, subject, user_id, origin, suspended, created_at,"
            + " created_by) values (?, ?, ?, ?, false, ?, ?)", PROVIDER, m[0], m[1], SsoAccounts.ORIGIN_ADMIN,
            Timestamp.from(Instant.now()), "demo");
      }
    }
  }
}
