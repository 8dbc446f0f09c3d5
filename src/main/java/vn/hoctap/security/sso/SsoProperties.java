package vn.hoctap.security.sso;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Single sign-on (đăng nhập một lần) through OpenID Connect providers, next to the local login: a provider is
 * configuration only (application.yaml, {@code hoctap.sso.providers.<id>.*}). Which claim carries what is the
 * provider's own naming; what hoctap does with each claim is fixed here and in {@link SsoAccounts} (docs/security.md,
 * "Đăng nhập một lần").
 *
 * @param providers by registration id (lower-case letters, digits, hyphens: it appears in addresses and is stored
 *     with every mapped identity, so it must never change for a provider)
 * @param contact whom an official whose identity maps to nothing should ask (shown on the refusal page)
 * @param citizenContact whom a citizen whose citizen-ID number is on no list should ask
 */
@ConfigurationProperties("hoctap.sso")
public record SsoProperties(Map<String, Provider> providers, String contact, String citizenContact) {

  static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

  public SsoProperties {
    providers = providers == null ? Map.of() : new LinkedHashMap<>(providers);
    contact = contact == null || contact.isBlank()
        ? "quản trị viên hoctap của Sở Giáo dục và Đào tạo (bộ phận phụ trách phong trào xây dựng xã hội học tập)"
        : contact.strip();
    citizenContact = citizenContact == null || citizenContact.isBlank()
        ? "UBND xã, phường nơi bạn cư trú, hoặc trường, cơ quan nơi bạn học tập, làm việc (người lập danh sách"
            + " «Công dân học tập»)"
        : citizenContact.strip();
    providers.forEach((id, p) -> {
      if (!ID.matcher(id).matches()) {
        throw new IllegalArgumentException("hoctap.sso.providers." + id + ": the id may hold lower-case letters,"
            + " digits and hyphens only (40 at most)");
      }
      for (String[] required : new String[][] {{"issuer", p.issuer()}, {"client-id", p.clientId()},
          {"client-secret", p.clientSecret()}}) {
        if (required[1] == null || required[1].isBlank()) {
          throw new IllegalArgumentException("hoctap.sso.providers." + id + "." + required[0] + " is required");
        }
      }
    });
  }

  public boolean enabled() {
    return !providers.isEmpty();
  }

  /**
   * One OpenID Connect provider.
   *
   * @param name shown on the login button ("Đăng nhập bằng …") and the refusal page
   * @param issuer the issuer identifier; its discovery document names every endpoint, and every ID token must carry
   *     exactly this issuer
   * @param scopes requested scopes (openid is always requested)
   * @param logout whether logging out of hoctap also ends the provider's session (RP-initiated logout), when the
   *     provider offers it
   */
  public record Provider(String name, String issuer, String clientId, String clientSecret, List<String> scopes,
      Claims claims, Boolean logout) {

    public Provider {
      name = name == null || name.isBlank() ? "tài khoản đăng nhập một lần" : name.strip();
      scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "profile") : List.copyOf(scopes);
      if (!scopes.contains("openid")) {
        scopes = java.util.stream.Stream.concat(java.util.stream.Stream.of("openid"), scopes.stream()).toList();
      }
      claims = claims == null ? new Claims(null, null, null, null) : claims;
      logout = logout == null || logout;
    }
  }

  /**
   * Which claim carries what.
   *
   * @param userId the stable identifier of the person's account at the provider (default {@code sub}); the key of
   *     the mapping to a hoctap user
   * @param name the full name, Vietnamese order ("Nguyễn Văn An"; default {@code name}); only for the account
   *     created at a first login
   * @param citizenId the citizen-ID number (số định danh cá nhân, 12 digits), if the provider asserts it; empty:
   *     this provider signs in officials only
   * @param organisation the code of the person's organisation, if the provider asserts it; empty: no
   *     self-provisioning through this provider
   */
  public record Claims(String userId, String name, String citizenId, String organisation) {

    public Claims {
      userId = blank(userId) ? "sub" : userId.strip();
      name = blank(name) ? "name" : name.strip();
      citizenId = blank(citizenId) ? null : citizenId.strip();
      organisation = blank(organisation) ? null : organisation.strip();
    }

    private static boolean blank(String s) {
      return s == null || s.isBlank();
    }
  }
}
