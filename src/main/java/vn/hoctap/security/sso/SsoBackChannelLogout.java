package vn.hoctap.security.sso;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionInformation;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionRegistry;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

/**
 * OpenID Connect Back-Channel Logout: the provider ended a person's session there (they logged out at the
 * provider, or its administrator ended the session) and says so to {@code POST
 * /logout/connect/back-channel/{provider}} with a logout token. Spring Security's filter has already verified that
 * token (signed by a key of the provider's JWKS, {@code typ logout+jwt}, {@code iss} the configured issuer, {@code
 * aud} hoctap's client id, {@code iat} and {@code jti} present, the back-channel logout {@code events} claim,
 * {@code sid} or {@code sub}, no {@code nonce}); this ends, on this node, each hoctap session that single sign-on
 * opened with that provider session ({@code sid}) — or, when the token names only the person ({@code sub}), every
 * session of theirs from that provider. The next request of that browser finds no session: the login page.
 */
@Component
public class SsoBackChannelLogout implements LogoutHandler {

  private static final Logger log = LoggerFactory.getLogger(SsoBackChannelLogout.class);

  private final OidcSessionRegistry registry;
  private final SsoSessions sessions;

  public SsoBackChannelLogout(OidcSessionRegistry registry, SsoSessions sessions) {
    this.registry = registry;
    this.sessions = sessions;
  }

  @Override
  public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
    if (authentication == null || !(authentication.getPrincipal() instanceof OidcLogoutToken token)) {
      return;
    }
    int ended = 0;
    for (OidcSessionInformation s : registry.removeSessionInformation(token)) {
      var session = sessions.byId(s.getSessionId());
      if (session.isPresent()) {
        try {
          session.get().invalidate();
          ended++;
        } catch (IllegalStateException alreadyEnded) {
          // ended meanwhile by its own logout
        }
      }
    }
    log.info("Back-channel logout from {}: {} session(s) ended", token.getIssuer(), ended);
  }
}
