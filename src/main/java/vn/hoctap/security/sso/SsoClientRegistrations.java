package vn.hoctap.security.sso;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.stereotype.Component;

/**
 * The configured providers as Spring Security client registrations. Each provider's endpoints come from its
 * discovery document ({@code <issuer>/.well-known/openid-configuration}, whose issuer must be the configured one),
 * read when the provider is first used and then kept: hoctap starts, and its local login works, while a provider is
 * unreachable; a provider that did not answer is asked again at the next login.
 */
@Component
public class SsoClientRegistrations implements ClientRegistrationRepository {

  private static final Logger LOG = LoggerFactory.getLogger(SsoClientRegistrations.class);

  private final SsoProperties properties;
  private final Map<String, ClientRegistration> resolved = new ConcurrentHashMap<>();

  public SsoClientRegistrations(SsoProperties properties) {
    this.properties = properties;
  }

  /** The registration, or null for an unknown id or a provider that cannot be reached now. */
  @Override
  public ClientRegistration findByRegistrationId(String id) {
    SsoProperties.Provider p = id == null ? null : properties.providers().get(id);
    if (p == null) {
      return null;
    }
    ClientRegistration known = resolved.get(id);
    if (known != null) {
      return known;
    }
    synchronized (this) {
      known = resolved.get(id);
      if (known != null) {
        return known;
      }
      try {
        ClientRegistration r = ClientRegistrations.fromIssuerLocation(p.issuer())
            .registrationId(id)
            .clientName(p.name())
            .clientId(p.clientId())
            .clientSecret(p.clientSecret())
            .scope(p.scopes())
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
            // the principal's name is hoctap's user id (HoctapOidcUser); sub is always present
            .userNameAttributeName(IdTokenClaimNames.SUB)
            .build();
        resolved.put(id, r);
        return r;
      } catch (RuntimeException e) {
        LOG.warn("Single sign-on provider '{}' ({}) cannot be reached: {}", id, p.issuer(), e.toString());
        return null;
      }
    }
  }

  /** The configured providers, in configuration order (login buttons). */
  public List<Option> options() {
    return properties.providers().entrySet().stream().map(e -> new Option(e.getKey(), e.getValue().name()))
        .toList();
  }

  public SsoProperties.Provider provider(String id) {
    return properties.providers().get(id);
  }

  public record Option(String id, String name) {}
}
