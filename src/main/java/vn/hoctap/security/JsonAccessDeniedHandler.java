package vn.hoctap.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/** 403 of the API's security chain (a missing CSRF token, an administrators-only path) as JSON in Vietnamese. */
@Component
public class JsonAccessDeniedHandler implements AccessDeniedHandler {

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    if (e instanceof CsrfException) {
      ApiClientHeader.forbidden(response, "CSRF_HEADER_REQUIRED", ApiClientHeader.MESSAGE);
    } else {
      ApiClientHeader.forbidden(response, "FORBIDDEN", AdminOnlyStatistics.MESSAGE);
    }
  }
}
