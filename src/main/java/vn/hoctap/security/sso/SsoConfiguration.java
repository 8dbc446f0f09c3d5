package vn.hoctap.security.sso;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.oidc.session.InMemoryOidcSessionRegistry;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionRegistry;

/** Reads {@code hoctap.sso.*} (application.yaml). */
@Configuration
@EnableConfigurationProperties(SsoProperties.class)
class SsoConfiguration {

  /**
   * Which hoctap session single sign-on opened with which provider session ({@code sid}, {@code sub}): filled at
   * each login, emptied when a session ends ({@link SsoSessions}); read by the back-channel logout. In this node's
   * memory, like the sessions themselves.
   */
  @Bean
  OidcSessionRegistry oidcSessionRegistry() {
    return new InMemoryOidcSessionRegistry();
  }
}
