package vn.hoctap.security.sso;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.hoctap.security.CurrentUser;

/**
 * One session for hoctap's pages and the Camunda webapps (issue 21 item 5): an administrator logged in to hoctap's
 * pages — by password or by single sign-on — is logged in to Cockpit, Tasklist and Admin as well, with the groups
 * the engine's identity store gives them (the webapps check their own application and engine authorizations as
 * always). Other users keep the webapps' own login. Logging out of a webapp ends hoctap's session too and, for a
 * single sign-on, the provider's session (from the server: {@link SsoLogout#endProviderSession}); logging out of
 * hoctap ends both (the session is the same).
 */
public class WebappSingleLogin extends OncePerRequestFilter {

  /** The webapps' logout: {@code POST /camunda/api/admin/auth/user/{engine}/logout}. */
  private static final Pattern LOGOUT = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/logout");

  private final ProcessEngine engine;
  private final SsoLogout logout;

  public WebappSingleLogin(ProcessEngine engine, SsoLogout logout) {
    this.engine = engine;
    this.logout = logout;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if ("POST".equals(request.getMethod()) && LOGOUT.matcher(path).matches()) {
      org.springframework.security.core.Authentication leaving =
          SecurityContextHolder.getContext().getAuthentication();
      chain.doFilter(request, response);
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
      SecurityContextHolder.clearContext();
      // a single sign-on session: the provider's ends too, as with hoctap's own logout (once the webapp's own
      // logout, with its CSRF check, went through)
      if (response.getStatus() < 400) {
        logout.endProviderSession(leaving);
      }
      return;
    }
    org.springframework.security.core.Authentication pages = SecurityContextHolder.getContext().getAuthentication();
    HttpSession session = request.getSession(false);
    if (session != null && pages != null && pages.isAuthenticated()
        && !(pages instanceof AnonymousAuthenticationToken)) {
      CurrentUser user = CurrentUser.get();
      Authentications webapp = AuthenticationUtil.getAuthsFromSession(session);
      Authentication current = webapp.getAuthenticationForProcessEngine(engine.getName());
      if (user.admin()) {
        if (current == null || !user.id().equals(current.getName())) {
          UserAuthentication login = AuthenticationUtil.createAuthentication(engine, user.id(), null, null);
          if (login != null) {
            webapp.addOrReplace(login);
            AuthenticationUtil.updateSession(session, webapp);
          }
        }
      } else if (current != null && !user.id().equals(current.getName())) {
        // an earlier webapp login of someone else in this browser does not outlive the change of user
        webapp.removeByEngineName(engine.getName());
        AuthenticationUtil.updateSession(session, webapp);
      }
    }
    chain.doFilter(request, response);
  }
}
