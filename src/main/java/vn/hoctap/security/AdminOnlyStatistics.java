package vn.hoctap.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.hoctap.org.Groups;

/**
 * Statistics and metrics count every instance of the province (or the country), whatever the engine's read
 * rights on single instances: only administrators ({@code hoctap-admin}, {@code camunda-admin}) see them. Covers
 * the Camunda REST API (also under {@code /engine/{name}}), the same API inside the webapps
 * ({@code /camunda/api/engine/engine/{name}}), Cockpit's and Admin's plugin resources, and the actuator's metrics.
 * The REST API and the actuator are guarded by a rule of the API's security chain ({@link #ENGINE_REST}); the
 * webapps' paths by this filter, which reads the webapp's own session login.
 */
public class AdminOnlyStatistics extends OncePerRequestFilter {

  static final String MESSAGE = "Chỉ quản trị viên được xem thống kê và số liệu vận hành (Administrators only).";

  /** The statistics paths of the engine's REST API, after its root and an optional engine name. */
  private static final String STATISTICS = "(/engine/[^/]+)?/(process-definition/(statistics|[^/]+/statistics"
      + "|key/[^/]+(/tenant-id/[^/]+)?/statistics)|metrics(/.*)?|history/[^/]+(/[^/]+)?/statistics"
      + "|history/.*report.*|task/report(/.*)?|batch/statistics|deployment/statistics)/?";

  private static final Pattern REST = Pattern.compile("/engine-rest" + STATISTICS
      + "|/actuator/(metrics|prometheus)(/.*)?");
  private static final Pattern WEBAPP = Pattern.compile("/camunda/api/(engine/engine/[^/]+" + STATISTICS.replace(
      "(/engine/[^/]+)?", "") + "|cockpit/plugin/[^/]+/[^/]+/process-definition/statistics(-count)?/?"
      + "|admin/plugin/[^/]+/[^/]+/metrics(/.*)?)");

  /** The REST and actuator paths, for the API chain's rule. */
  static final RequestMatcher ENGINE_REST = request -> REST.matcher(path(request)).matches();

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !WEBAPP.matcher(path(request)).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!webappAdmin(request.getSession(false))) {
      ApiClientHeader.forbidden(response, "FORBIDDEN", MESSAGE);
      return;
    }
    chain.doFilter(request, response);
  }

  /** The groups of the webapp's login (kept in the session by Camunda's own authentication), if any. */
  private static boolean webappAdmin(HttpSession session) {
    if (session == null) {
      return false;
    }
    Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
    List<UserAuthentication> users = auths == null ? List.of() : auths.getAuthentications();
    for (UserAuthentication u : users) {
      if (u.getGroupIds() != null
          && (u.getGroupIds().contains(Groups.ADMIN) || u.getGroupIds().contains(Groups.CAMUNDA_ADMIN))) {
        return true;
      }
    }
    return false;
  }
}
