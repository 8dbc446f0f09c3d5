package vn.hoctap.security.sso;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
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
  private static final Logger LOG = LoggerFactory.getLogger(SsoLogout.class);
  private static final Duration PROVIDER_TIMEOUT = Duration.ofSeconds(5);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(PROVIDER_TIMEOUT)
      .followRedirects(HttpClient.Redirect.NEVER).build();

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

  /**
   * Ends the provider's session from the server, for a logout that cannot send the browser to the provider (the
   * Camunda webapps' logout is a script's request): hoctap posts the session's ID token as {@code id_token_hint},
   * with its client id, to the provider's end-session endpoint, as the browser would. Does nothing for a local
   * login, a provider configured with {@code logout: false} or without an end-session endpoint. A provider that
   * would rather ask the person to confirm keeps its session; that is logged, and the person's own logout of
   * hoctap's pages still ends it.
   */
  public void endProviderSession(Authentication authentication) {
    if (!(authentication instanceof OAuth2AuthenticationToken token)
        || !(token.getPrincipal() instanceof OidcUser user)) {
      return;
    }
    SsoProperties.Provider p = registrations.provider(token.getAuthorizedClientRegistrationId());
    ClientRegistration registration = p == null || !p.logout() ? null
        : registrations.findByRegistrationId(token.getAuthorizedClientRegistrationId());
    Object endpoint = registration == null ? null
        : registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
    if (endpoint == null) {
      return;
    }
    String form = "id_token_hint=" + enc(user.getIdToken().getTokenValue()) + "&client_id="
        + enc(registration.getClientId());
    try {
      HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(endpoint.toString()))
          .timeout(PROVIDER_TIMEOUT).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
      if (answer.statusCode() >= 400) {
        LOG.warn("Single sign-on provider '{}' did not end the session: HTTP {}", registration.getRegistrationId(),
            answer.statusCode());
      }
    } catch (IOException e) {
      LOG.warn("Single sign-on provider '{}' could not be reached to end the session: {}",
          registration.getRegistrationId(), e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
