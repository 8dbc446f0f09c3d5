package vn.hoctap.dossier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An evidence upload (or a round's list, {@code /dot-danh-gia/{id}/tai-len}) larger than the multipart limit, sent by the page's plain form (no script to stop it before
 * sending): the container would refuse to read it, and the CSRF token travels inside that unread body, so the
 * request would end on a bare error page. Before any of that, this filter answers such a post with a redirect to
 * the evidence page, which then shows the limit and what to do next to the upload form. Nothing is read or stored;
 * the redirect is an ordinary page visit (login, jurisdiction and all), so it needs no CSRF token. Tomcat reads
 * and discards the rest of the body (server.tomcat.max-swallow-size) so that the browser receives the answer.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class OversizeEvidenceUpload extends OncePerRequestFilter {

  static final Pattern EVIDENCE_PAGE = Pattern.compile("^/ho-so/(\\d{1,18})/minh-chung/?$");

  static final Pattern ROUND_UPLOAD = Pattern.compile("^/dot-danh-gia/(\\d{1,18})/tai-len/?$");

  /** The query parameter of the evidence page that carries the refused size, in whole MB. */
  static final String PARAM = "qua-dung-luong";

  private final long maxRequestBytes;

  OversizeEvidenceUpload(@Value("${spring.servlet.multipart.max-request-size}") DataSize maxRequest) {
    this.maxRequestBytes = maxRequest.toBytes();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String type = request.getContentType();
    long length = request.getContentLengthLong();
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Matcher page = EVIDENCE_PAGE.matcher(path);
    Matcher round = ROUND_UPLOAD.matcher(path);
    if (!"POST".equals(request.getMethod()) || type == null || !type.toLowerCase().startsWith("multipart/")
        || length <= maxRequestBytes || !(page.matches() || round.matches())) {
      chain.doFilter(request, response);
      return;
    }
    // the size as people count it (30 MB for a 30 MB file and its form fields), never shown at or under the limit
    long mb = Math.max(Math.round(length / (1024.0 * 1024)), maxRequestBytes / (1024 * 1024) + 1);
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", request.getContextPath() + (page.matches()
        ? "/ho-so/" + page.group(1) + "/minh-chung?" + PARAM + "=" + mb + "#mc-loi"
        : "/dot-danh-gia/" + round.group(1) + "?" + PARAM + "=" + mb + "#tai-len-danh-sach"));
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(0);
    // the answer leaves now; the container then discards the unread body (up to its swallow limit)
    response.flushBuffer();
  }
}
