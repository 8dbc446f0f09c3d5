package vn.hoctap.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cache headers for the static files of the Camunda webapps (issue 17 item 8: the Tasklist's 4.9 MB were fetched
 * again on every visit, every answer saying no-store). Their index pages load the large bundles with a version
 * query ("?bust=7.24.0"): those are kept for a year. Their other static files (hoctap's own config.js, locales and
 * style overrides among them) are kept but checked again on each use (no-cache: a 304 while unchanged). Their
 * index pages and REST calls keep the webapps' and Spring Security's own headers.
 */
@Component
public class CamundaAssetCache extends OncePerRequestFilter {

  static final Pattern ASSET = Pattern.compile(
      "/camunda/(app|lib|assets)/.+\\.(js|css|woff2?|ttf|eot|svg|png|gif|jpe?g|ico|json|html)");

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String method = request.getMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      return true;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !ASSET.matcher(path).matches() || path.endsWith("/index.html");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String query = request.getQueryString();
    boolean versioned = query != null && query.matches("(.*&)?bust=[^&]+(&.*)?");
    response.setHeader("Cache-Control", versioned ? "public, max-age=31536000, immutable" : "no-cache");
    chain.doFilter(request, response);
  }
}
