package vn.hoctap.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * The response headers of hoctap's own pages, API, downloads and the public certificate check. No inline script
 * anywhere (the one script is /js/tu-dong-gui.js); inline styles stay allowed ('unsafe-inline' for style-src only)
 * because the layout's style block and the dashboard's bar widths use them, and a style cannot run code. HSTS only
 * where configured (profile production) and only on secure requests (behind the TLS proxy, whose
 * X-Forwarded-Proto is trusted there).
 */
final class SecurityHeaders {

  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
      + "img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'self'; form-action 'self'; "
      + "frame-ancestors 'none'";
  static final String PERMISSIONS = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
      + "microphone=(), payment=(), usb=()";

  private SecurityHeaders() {}

  /** CSP, Referrer-Policy, Permissions-Policy and (if hsts) HSTS on hoctap's responses. */
  static void strict(HttpSecurity http, boolean hsts) throws Exception {
    strict(http, hsts, java.util.List.of());
  }

  /**
   * As {@link #strict(HttpSecurity, boolean)}, with these origins allowed as targets of a form's redirect: the
   * single sign-on providers, whose end-session endpoint the logout form's answer redirects to (browsers apply
   * form-action to the redirects that follow a form submission).
   */
  static void strict(HttpSecurity http, boolean hsts, java.util.List<String> formTargets) throws Exception {
    String csp = formTargets.isEmpty() ? CSP
        : CSP.replace("form-action 'self';", "form-action 'self' " + String.join(" ", formTargets) + ";");
    http.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(csp)));
    common(http, hsts);
  }

  /** The Camunda webapps keep their own CSP (Camunda's header security); the rest as ours. */
  static void common(HttpSecurity http, boolean hsts) throws Exception {
    http.headers(h -> {
      h.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN));
      h.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS));
      if (hsts) {
        h.httpStrictTransportSecurity(s -> s.includeSubDomains(true).maxAgeInSeconds(31_536_000));
      } else {
        h.httpStrictTransportSecurity(s -> s.disable());
      }
    });
  }
}
