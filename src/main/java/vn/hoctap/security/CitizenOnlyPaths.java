package vn.hoctap.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A person who holds only their own "Công dân" role sees their self-assessment and nothing else: any other page,
 * our API, the engine's REST API and the Camunda webapps' data answer 404, as a path that does not exist. Their
 * role already gives no jurisdiction (no "org-" group, no path in DossierAccess), so every other page would show
 * them nothing; this makes it plain and keeps it so when new pages come.
 */
public class CitizenOnlyPaths extends OncePerRequestFilter {

  /** Where the filter stands, and so how the user is known and how a refusal is written. */
  public enum Door { PAGES, API, WEBAPP }

  /** Pages a citizen uses: home, their self-assessment, notifications, logout, static files. */
  private static final List<String> PAGES = List.of("/trang-chu", "/tu-danh-gia", "/tu-danh-gia/*", "/thong-bao",
      "/thong-bao/*", "/thong-bao/*/*", "/dang-xuat", "/dang-nhap", "/css/*", "/js/*", "/favicon.svg", "/favicon.ico",
      "/error");
  private static final List<String> API = List.of("/actuator/health", "/actuator/health/*");

  private final Door door;

  public CitizenOnlyPaths(Door door) {
    this.door = door;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    // the webapps: their pages and login stay (they show nothing by themselves); their data API is closed
    return door == Door.WEBAPP && !(path(request).startsWith("/camunda/api/")
        && !path(request).startsWith("/camunda/api/admin/auth/"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!CurrentUser.citizenOnly(groups(request)) || allowed(path(request))) {
      chain.doFilter(request, response);
      return;
    }
    if (door == Door.PAGES) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write("{\"error\":\"NOT_FOUND\",\"message\":\"Không tìm thấy.\",\"details\":[]}");
  }

  private boolean allowed(String path) {
    return (door == Door.PAGES ? PAGES : door == Door.API ? API : List.<String>of()).stream()
        .anyMatch(p -> matches(p, path));
  }

  /** "/a/*" matches one more segment; anything else matches exactly (a trailing slash tolerated). */
  static boolean matches(String pattern, String path) {
    String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    String[] want = pattern.split("/");
    String[] got = p.split("/");
    if (want.length != got.length) {
      return false;
    }
    for (int i = 0; i < want.length; i++) {
      if (!want[i].equals("*") && !want[i].equals(got[i]) || want[i].equals("*") && got[i].isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private List<String> groups(HttpServletRequest request) {
    if (door != Door.WEBAPP) {
      CurrentUser user = CurrentUser.get();
      return user == null ? List.of() : user.groups();
    }
    HttpSession session = request.getSession(false);
    Authentications auths = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    List<String> groups = new ArrayList<>();
    if (auths != null) {
      for (UserAuthentication u : auths.getAuthentications()) {
        if (u.getGroupIds() != null) {
          groups.addAll(u.getGroupIds());
        }
      }
    }
    return groups;
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
