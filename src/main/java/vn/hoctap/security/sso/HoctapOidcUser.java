package vn.hoctap.security.sso;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The principal of a single sign-on session: its name is the hoctap user the identity was mapped to, its
 * authorities that user's groups in hoctap's identity store (never a claim). The ID token stays for the
 * RP-initiated logout.
 */
public class HoctapOidcUser extends DefaultOidcUser {

  private static final long serialVersionUID = 1L;

  private final String userId;
  private final String providerId;

  HoctapOidcUser(Collection<? extends GrantedAuthority> groups, OidcUser signedIn, String userId,
      String providerId) {
    super(groups, signedIn.getIdToken(), signedIn.getUserInfo());
    this.userId = userId;
    this.providerId = providerId;
  }

  /** hoctap's user id: what {@link vn.hoctap.security.CurrentUser} and the engine see. */
  @Override
  public String getName() {
    return userId;
  }

  public String providerId() {
    return providerId;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HoctapOidcUser other && super.equals(o) && userId.equals(other.userId);
  }

  @Override
  public int hashCode() {
    return 31 * super.hashCode() + userId.hashCode();
  }
}
