package vn.hoctap.security.sso;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * After hoctap's session has ended: a single sign-on session also ends the provider's session (RP-initiated logout:
 * the browser goes to the provider's end-session endpoint with the ID token as hint and comes back to the login
 * page), unless the provider is configured with {@code logout: false} or does not offer it; a local login goes
 * straight back to the login page.
 */
@Component
public class SsoLogout implements LogoutSuccessHandler {

  public static final String AFTER_LOGOUT = "/dang-nhap?thoat";

  private final SsoClientRegistrations registrations;
  private final OidcClientInitiatedLogoutSuccessHandler provider;
  private final SimpleUrlLogoutSuccessHandler local = new SimpleUrlLogoutSuccessHandler();

  public SsoLogout(SsoClientRegistrations registrations) {
    this.registrations = registrations;
    provider = new OidcClientInitiatedLogoutSuccessHandler(registrations);
    provider.setPostLogoutRedirectUri("{baseUrl}" + AFTER_LOGOUT);
    provider.setDefaultTargetUrl(AFTER_LOGOUT);
    local.setDefaultTargetUrl(AFTER_LOGOUT);
  }

  @Override
  public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException, ServletException {
    if (authentication instanceof OAuth2AuthenticationToken token) {
      SsoProperties.Provider p = registrations.provider(token.getAuthorizedClientRegistrationId());
      if (p != null && p.logout()) {
        provider.onLogoutSuccess(request, response, authentication);
        return;
      }
    }
    local.onLogoutSuccess(request, response, authentication);
  }
}
