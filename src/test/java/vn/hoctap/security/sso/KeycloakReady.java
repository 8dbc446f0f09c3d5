package vn.hoctap.security.sso;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Waits, before a single sign-on test class, until the test Keycloak serves its realms, and points the realm's
 * back-channel logout at the application under test (its port is chosen when it starts; once per port).
 */
public class KeycloakReady implements BeforeAllCallback {

  private static int backChannelPort;

  @Override
  public void beforeAll(ExtensionContext context) {
    KeycloakServer server = KeycloakServer.ready();
    int port = Integer.parseInt(SpringExtension.getApplicationContext(context).getEnvironment()
        .getRequiredProperty("local.server.port"));
    synchronized (KeycloakReady.class) {
      if (backChannelPort != port) {
        new KeycloakAdmin(server).backChannelLogoutTo(port);
        backChannelPort = port;
      }
    }
  }
}
