package vn.hoctap.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import vn.hoctap.org.Groups;
import vn.hoctap.security.sso.SsoBackChannelLogout;
import vn.hoctap.security.sso.SsoClientRegistrations;
import vn.hoctap.security.sso.SsoFailureHandler;
import vn.hoctap.security.sso.SsoLogout;
import vn.hoctap.security.sso.SsoProperties;
import vn.hoctap.security.sso.SsoUserService;
import vn.hoctap.security.sso.WebappSingleLogin;

/**
 * Our API, the Camunda REST API, the API docs and the operator endpoints require a login: HTTP Basic against the
 * engine's users, or the session of our pages. Our own pages have a session login form and, when providers are
 * configured ({@code hoctap.sso}), OpenID Connect single sign-on. The Camunda webapps under /camunda keep their own
 * session login against the same users, and take over the pages' session for administrators ({@link
 * WebappSingleLogin}). No answer ever carries a Basic challenge
 * (WWW-Authenticate), so a browser never caches Basic credentials for this host; state-changing API requests need
 * the header {@link ApiClientHeader#NAME} or the session's CSRF token.
 */
@Configuration
public class SecurityConfig {

  private final boolean hsts;

  public SecurityConfig(@Value("${hoctap.security.hsts:false}") boolean hsts) {
    this.hsts = hsts;
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
      IdentityService identity, JsonAuthenticationEntryPoint entryPoint, JsonAccessDeniedHandler denied)
      throws Exception {
    RequestMatcher swagger = paths("/swagger-ui/**", "/swagger-ui.html");
    // a browser opening the API docs is sent to the login page and, once logged in, back (by a cookie, not a session)
    LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> entryPoints = new LinkedHashMap<>();
    entryPoints.put(swagger, new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE));
    DelegatingAuthenticationEntryPoint anonymous = new DelegatingAuthenticationEntryPoint(entryPoints);
    anonymous.setDefaultEntryPoint(entryPoint);
    CookieRequestCache cache = new CookieRequestCache();
    cache.setRequestMatcher(swagger);
    // Path matchers on the whole request path: the Camunda REST API is a Jersey servlet, not Spring MVC.
    http.securityMatcher(paths("/api/**", "/engine-rest/**", "/v3/api-docs/**", "/swagger-ui/**",
            "/swagger-ui.html", "/actuator/**"))
        // one manager without the global parent, which holds the same provider bean: a wrong password is checked
        // (and counted by the engine and the address throttle) once, not twice
        .authenticationManager(new ProviderManager(provider))
        .authorizeHttpRequests(a -> a.requestMatchers(paths("/actuator/health", "/actuator/health/**")).permitAll()
            .requestMatchers(AdminOnlyStatistics.ENGINE_REST).hasAnyAuthority(Groups.ADMIN, Groups.CAMUNDA_ADMIN)
            .anyRequest().authenticated())
        .httpBasic(b -> b.authenticationEntryPoint(entryPoint))
        .exceptionHandling(e -> e.authenticationEntryPoint(anonymous).accessDeniedHandler(denied))
        // Basic credentials: a state-changing request must carry X-Requested-By (ApiClientHeader). A logged-in
        // page session (read, never created here) must carry its CSRF token instead, unless it sends the header.
        .csrf(c -> c.requireCsrfProtectionMatcher(request -> ApiClientHeader.unsafe(request)
            && !ApiClientHeader.hasHeader(request) && request.getHeader(HttpHeaders.AUTHORIZATION) == null
            && request.getSession(false) != null))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        .requestCache(r -> r.requestCache(cache))
        .addFilterBefore(new ApiClientHeader(), BasicAuthenticationFilter.class)
        .addFilterAfter(new EngineAuthenticationFilter(identity), BasicAuthenticationFilter.class)
        // The Camunda REST API's error bodies without exception class names, SQL or stack traces.
        .addFilterBefore(new EngineRestErrorBodies(), BasicAuthenticationFilter.class)
        // a person with only their own "Công dân" role: no API at all (404)
        .addFilterAfter(new CitizenOnlyPaths(CitizenOnlyPaths.Door.API), AuthorizationFilter.class);
    SecurityHeaders.strict(http, hsts);
    return http.build();
  }

  private static RequestMatcher paths(String... patterns) {
    List<RequestMatcher> matchers = new ArrayList<>();
    for (String p : patterns) {
      matchers.add(PathPatternRequestMatcher.withDefaults().matcher(p));
    }
    return new OrRequestMatcher(matchers);
  }

  /**
   * The Camunda webapps: their own login, own CSRF filter and own Content-Security-Policy; an administrator logged in
   * to our pages is logged in to them too (one session).
   */
  @Bean
  @Order(2)
  SecurityFilterChain webappSecurity(HttpSecurity http, ProcessEngine engine, SsoLogout logout) throws Exception {
    http.securityMatcher(paths("/", "/camunda/**"))
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .csrf(c -> c.disable())
        // the pages' login (read from the session) becomes the webapps' for administrators
        .addFilterBefore(new WebappSingleLogin(engine, logout), AuthorizationFilter.class)
        // statistics and metrics only for administrators, by the webapp's own session login
        .addFilterAfter(new AdminOnlyStatistics(), AuthorizationFilter.class)
        .addFilterAfter(new CitizenOnlyPaths(CitizenOnlyPaths.Door.WEBAPP), AuthorizationFilter.class);
    SecurityHeaders.common(http, hsts);
    return http.build();
  }

  /** The public certificate check — the only page anyone may open without logging in — and the error page. */
  @Bean
  @Order(3)
  SecurityFilterChain publicSecurity(HttpSecurity http) throws Exception {
    http.securityMatcher(paths("/kiem-tra/**", "/error", "/favicon.ico"))
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .csrf(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER));
    SecurityHeaders.strict(http, hsts);
    return http.build();
  }

  /**
   * Our own pages (administration, dashboards, reports): a session login form against the engine's users (same
   * throttling as everywhere), CSRF tokens on every form, logout.
   */
  @Bean
  @Order(4)
  SecurityFilterChain pageSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
      IdentityService identity, JsonAuthenticationEntryPoint entryPoint, SsoProperties sso,
      SsoClientRegistrations registrations, SsoUserService ssoUsers, SsoFailureHandler ssoRefused,
      SsoLogout logout, org.springframework.security.oauth2.client.oidc.session.OidcSessionRegistry ssoSessions,
      SsoBackChannelLogout backChannelLogout) throws Exception {
    // one manager without the global parent, which holds the same provider bean: a wrong password is checked (and
    // counted by the engine and the address throttle) once, not twice; with single sign-on, also the provider that
    // exchanges the authorization code and verifies the ID token
    ProviderManager manager = sso.enabled() ? new ProviderManager(provider, ssoCodeExchange(ssoUsers))
        : new ProviderManager(provider);
    http.authenticationManager(manager)
        .authorizeHttpRequests(a -> a.requestMatchers(paths(LOGIN_PAGE, LOGIN_PAGE + "/**", "/css/**", "/js/**",
                "/favicon.svg")).permitAll()
            .anyRequest().authenticated())
        .formLogin(f -> f.loginPage(LOGIN_PAGE).defaultSuccessUrl("/trang-chu", false))
        // HTTP Basic as well, for scripts fetching a page or a document; never challenged (no browser prompt)
        .httpBasic(b -> b.authenticationEntryPoint(entryPoint))
        // "log in, then land where you wanted" by a cookie: an anonymous request creates no session
        .requestCache(r -> r.requestCache(new CookieRequestCache()))
        // ends hoctap's session and, for a single sign-on, the provider's (RP-initiated logout)
        .logout(l -> l.logoutRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(
            org.springframework.http.HttpMethod.POST, "/dang-xuat")).logoutSuccessHandler(logout))
        .addFilterAfter(new EngineAuthenticationFilter(identity), AuthorizationFilter.class)
        // a person with only their own "Công dân" role: their self-assessment, home and notifications; 404 elsewhere
        .addFilterAfter(new CitizenOnlyPaths(CitizenOnlyPaths.Door.PAGES), AuthorizationFilter.class);
    if (sso.enabled()) {
      // OpenID Connect: authorization code flow with PKCE and nonce; the ID token is verified by Spring Security,
      // the identity mapped to a hoctap user by SsoUserService; refusals land on the Vietnamese refusal page
      http.oauth2Login(o -> o.loginPage(LOGIN_PAGE)
          .clientRegistrationRepository(registrations)
          .authorizationEndpoint(e -> e.authorizationRequestResolver(pkce(registrations)))
          .userInfoEndpoint(u -> u.oidcUserService(ssoUsers))
          .defaultSuccessUrl("/trang-chu", false)
          .failureHandler(ssoRefused)
          .oidcSessionRegistry(ssoSessions));
      // OpenID Connect Back-Channel Logout at /logout/connect/back-channel/{provider}: a logout token verified
      // against the provider's keys ends the hoctap sessions of that provider session (SsoBackChannelLogout)
      http.oidcLogout(l -> l.clientRegistrationRepository(registrations).oidcSessionRegistry(ssoSessions)
          .backChannel(b -> b.logoutHandler(backChannelLogout)));
    }
    SecurityHeaders.strict(http, hsts, sso.providers().values().stream().map(p -> origin(p.issuer())).distinct()
        .toList());
    return http.build();
  }

  /**
   * The authorization code is exchanged at the configured issuer's token endpoint (client secret), and the ID token
   * verified: signature by the issuer's published keys, issuer, audience, expiry, nonce.
   */
  private static org.springframework.security.authentication.AuthenticationProvider ssoCodeExchange(
      SsoUserService users) {
    org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider p =
        new org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider(
            new org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient(),
            users);
    p.setJwtDecoderFactory(new org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory());
    return p;
  }

  private static org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver pkce(
      SsoClientRegistrations registrations) {
    org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver resolver =
        new org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver(registrations,
            "/oauth2/authorization");
    resolver.setAuthorizationRequestCustomizer(
        org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers.withPkce());
    return resolver;
  }

  /** scheme://host[:port] of a URL, as CSP names a source. */
  private static String origin(String url) {
    java.net.URI u = java.net.URI.create(url);
    return u.getScheme() + "://" + u.getRawAuthority();
  }

  /** The login page of our own pages. */
  public static final String LOGIN_PAGE = "/dang-nhap";
}
