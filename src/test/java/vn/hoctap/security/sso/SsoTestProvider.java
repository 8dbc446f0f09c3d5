package vn.hoctap.security.sso;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points the provider {@code tinh} at the test Keycloak's trusted realm (its port is chosen when it starts). */
public class SsoTestProvider implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("hoctap-test-keycloak",
        Map.of("hoctap.sso.providers.tinh.issuer", KeycloakServer.trustedIssuer())));
  }
}
