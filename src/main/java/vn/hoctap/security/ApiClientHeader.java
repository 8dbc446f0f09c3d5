package vn.hoctap.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cross-site request forgery through HTTP Basic: a browser that has Basic credentials for this host sends them
 * with any request, also with a form another site auto-submits. A cross-site HTML form cannot add a header of its
 * own (and scripts of another origin would need a CORS preflight, which we never grant), so a state-changing
 * request that carries credentials in the Authorization header must also carry {@value #NAME}. Any non-blank value
 * is accepted; we document {@code X-Requested-By: hoctap-api} (the same rule as Jersey's CsrfProtectionFilter).
 */
public class ApiClientHeader extends OncePerRequestFilter {

  public static final String NAME = "X-Requested-By";
  public static final String VALUE = "hoctap-api";
  static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  static final String MESSAGE = "Yêu cầu thay đổi dữ liệu qua API phải có tiêu đề " + NAME + ": " + VALUE
      + " (hoặc mã CSRF của phiên đăng nhập) (State-changing API requests need the header " + NAME + ").";

  static boolean unsafe(HttpServletRequest request) {
    return !SAFE_METHODS.contains(request.getMethod());
  }

  static boolean hasHeader(HttpServletRequest request) {
    String v = request.getHeader(NAME);
    return v != null && !v.isBlank();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (unsafe(request) && request.getHeader(HttpHeaders.AUTHORIZATION) != null && !hasHeader(request)) {
      // refused before the password is checked: a forged request neither acts nor counts as a failed login
      forbidden(response, "CSRF_HEADER_REQUIRED", MESSAGE);
      return;
    }
    chain.doFilter(request, response);
  }

  static void forbidden(HttpServletResponse response, String error, String message) throws IOException {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write("{\"error\":\"" + error + "\",\"message\":\"" + message + "\",\"details\":[]}");
  }
}
