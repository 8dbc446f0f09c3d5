package vn.hoctap.security;

import static org.springframework.security.config.Customizer.withDefaults;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Our API, the Camunda REST API, the API docs and the operator endpoints require a login (HTTP Basic against the
 * engine's users). The Camunda webapps under /camunda keep their own session login against the same users; our
 * own pages have a session login form.
 */
@Configuration
public class SecurityConfig {

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
      IdentityService identity, JsonAuthenticationEntryPoint entryPoint) throws Exception {
    // Path matchers on the whole request path: the Camunda REST API is a Jersey servlet, not Spring MVC.
    http.securityMatcher(paths("/api/**", "/engine-rest/**", "/v3/api-docs/**", "/swagger-ui/**",
            "/swagger-ui.html", "/actuator/**"))
        .authenticationProvider(provider)
        .authorizeHttpRequests(a -> a.requestMatchers(paths("/actuator/health", "/actuator/health/**")).permitAll()
            .anyRequest().authenticated())
        .httpBasic(b -> b.authenticationEntryPoint(entryPoint))
        .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint))
        // Stateless HTTP Basic: no session cookie to ride on, so CSRF tokens have nothing to protect here.
        .csrf(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .addFilterAfter(new EngineAuthenticationFilter(identity), BasicAuthenticationFilter.class)
        // The Camunda REST API's error bodies without exception class names, SQL or stack traces.
        .addFilterBefore(new EngineRestErrorBodies(), BasicAuthenticationFilter.class);
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
   * The Camunda webapps (own login, own CSRF filter), the start page, and the public certificate check — the only
   * page anyone may open without logging in.
   */
  @Bean
  @Order(2)
  SecurityFilterChain webappSecurity(HttpSecurity http) throws Exception {
    http.securityMatcher(paths("/", "/camunda/**", "/kiem-tra/**", "/error", "/favicon.ico"))
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .csrf(c -> c.disable())
        .headers(withDefaults());
    return http.build();
  }

  /**
   * Our own pages (administration, dashboards, reports): a session login form against the engine's users (same
   * throttling as everywhere), CSRF tokens on every form, logout.
   */
  @Bean
  @Order(3)
  SecurityFilterChain pageSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
      IdentityService identity) throws Exception {
    http.authenticationProvider(provider)
        .authorizeHttpRequests(a -> a.requestMatchers(paths(LOGIN_PAGE, "/css/**")).permitAll()
            .anyRequest().authenticated())
        .formLogin(f -> f.loginPage(LOGIN_PAGE).defaultSuccessUrl("/trang-chu", false))
        // HTTP Basic as well, for scripts fetching a page or a document
        .httpBasic(withDefaults())
        .logout(l -> l.logoutRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(
            org.springframework.http.HttpMethod.POST, "/dang-xuat")).logoutSuccessUrl(LOGIN_PAGE + "?thoat"))
        .addFilterAfter(new EngineAuthenticationFilter(identity), AuthorizationFilter.class)
        .headers(withDefaults());
    return http.build();
  }

  /** The login page of our own pages. */
  public static final String LOGIN_PAGE = "/dang-nhap";
}
