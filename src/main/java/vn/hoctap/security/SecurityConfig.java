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
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Our API, the Camunda REST API, the API docs and the operator endpoints require a login (HTTP Basic against the
 * engine's users). The Camunda webapps under /camunda keep their own session login against the same users.
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
   * Our server-rendered pages (dashboard, reports, documents): a session login with a Vietnamese form, CSRF on;
   * HTTP Basic too, for scripts and tests. The public certificate check is the one page open to anyone.
   */
  @Bean
  @Order(2)
  SecurityFilterChain pageSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider provider)
      throws Exception {
    http.securityMatcher(paths("/dashboard", "/dashboard/**", "/ho-so/**", "/bao-cao/**", "/tai-lieu/**",
            "/kiem-tra/**", "/dang-nhap", "/dang-xuat"))
        .authenticationProvider(provider)
        .authorizeHttpRequests(a -> a.requestMatchers(paths("/kiem-tra/*")).permitAll()
            .anyRequest().authenticated())
        .formLogin(f -> f.loginPage("/dang-nhap").defaultSuccessUrl("/dashboard").failureUrl("/dang-nhap?loi=1")
            .permitAll())
        .logout(l -> l.logoutUrl("/dang-xuat").logoutSuccessUrl("/dang-nhap?dang-xuat=1").permitAll())
        .httpBasic(withDefaults())
        .headers(withDefaults());
    return http.build();
  }

  /** The Camunda webapps (own login, own CSRF filter) and the start page. */
  @Bean
  @Order(3)
  SecurityFilterChain webappSecurity(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .csrf(c -> c.disable())
        .headers(withDefaults());
    return http.build();
  }
}
