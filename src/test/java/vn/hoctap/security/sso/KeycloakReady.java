package vn.hoctap.security.sso;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Waits, before a single sign-on test class, until the test Keycloak serves its realms. */
public class KeycloakReady implements BeforeAllCallback {

  @Override
  public void beforeAll(ExtensionContext context) {
    KeycloakServer.ready();
  }
}
