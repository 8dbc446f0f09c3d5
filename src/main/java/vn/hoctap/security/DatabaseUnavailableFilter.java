package vn.hoctap.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.hoctap.common.DatabaseUnavailable;

/**
 * Outermost filter: a database outage met outside our controllers — checking an HTTP Basic password, loading a
 * webapp session's user, a filter of the engine — is answered 503 with the same JSON as the API's errors, instead
 * of the servlet container's 500. The controllers and the engine REST API answer it themselves (ApiErrors,
 * EngineRestErrors).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DatabaseUnavailableFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | RuntimeException e) {
      if (!DatabaseUnavailable.is(e) || response.isCommitted()) {
        throw e;
      }
      LOG.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
      response.resetBuffer();
      response.setStatus(DatabaseUnavailable.STATUS);
      response.setHeader("Retry-After", DatabaseUnavailable.RETRY_AFTER);
      response.setContentType("application/json;charset=UTF-8");
      response.getOutputStream().write(("{\"error\":\"" + DatabaseUnavailable.ERROR + "\",\"message\":\""
          + DatabaseUnavailable.MESSAGE + "\",\"details\":[]}").getBytes(StandardCharsets.UTF_8));
    }
  }
}
