package vn.hoctap.security.sso;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * A single sign-on that opened no session — refused by hoctap's mapping, or an answer of the provider that did not
 * verify (an authorization code hoctap's provider did not issue, a token of another issuer or signed by another
 * key, a cancelled login) — lands on the Vietnamese refusal page ({@link SsoPages}), which says why and whom to ask.
 * Every case is written to the audit log.
 */
@Component
public class SsoFailureHandler implements AuthenticationFailureHandler {

  private static final Logger LOG = LoggerFactory.getLogger(SsoFailureHandler.class);
  static final String CALLBACK = "/login/oauth2/code/";

  private final SsoAccounts accounts;
  private final SsoClientRegistrations registrations;

  public SsoFailureHandler(SsoAccounts accounts, SsoClientRegistrations registrations) {
    this.accounts = accounts;
    this.registrations = registrations;
  }

  @Override
  public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException exception) throws IOException {
    HttpSession session = request.getSession();
    session.removeAttribute(SsoPages.REFUSED_TOKEN);
    SsoRefusal refusal;
    if (exception instanceof SsoUserService.Refused r) {
      refusal = r.refusal();
      session.setAttribute(SsoPages.REFUSED_TOKEN, new SsoPages.RefusedToken(refusal.providerId(), r.idToken()));
    } else {
      String providerId = providerOf(request);
      SsoProperties.Provider provider = providerId == null ? null : registrations.provider(providerId);
      refusal = SsoRefusal.failed(provider == null ? null : providerId,
          provider == null ? "hệ thống đăng nhập một lần" : provider.name());
      String detail = exception instanceof OAuth2AuthenticationException o
          ? o.getError().getErrorCode() + (o.getError().getDescription() == null ? ""
              : ": " + o.getError().getDescription())
          : exception.getClass().getSimpleName() + ": " + exception.getMessage();
      LOG.warn("Single sign-on through '{}' failed: {}", providerId, detail);
      accounts.recordRefusal(refusal, detail);
    }
    session.setAttribute(SsoPages.REFUSAL, refusal);
    response.sendRedirect(request.getContextPath() + SsoPages.REFUSAL_PAGE);
  }

  private static String providerOf(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    int at = path.indexOf(CALLBACK);
    if (at < 0) {
      return null;
    }
    String id = path.substring(at + CALLBACK.length());
    return SsoProperties.ID.matcher(id).matches() ? id : null;
  }
}
