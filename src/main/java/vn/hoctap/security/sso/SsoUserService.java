package vn.hoctap.security.sso;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import vn.hoctap.org.Groups;

/**
 * After Spring Security has verified the provider's ID token (signature by the issuer's published keys, issuer,
 * audience, expiry, nonce) and read its user-info answer, maps the identity to a hoctap user ({@link SsoAccounts})
 * and gives the session that user's groups from hoctap's identity store. A refusal is audited and becomes a
 * {@link Refused} authentication failure, shown by {@link SsoFailureHandler}.
 */
@Component
public class SsoUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

  private final OidcUserService verified = new OidcUserService();
  private final SsoAccounts accounts;
  private final IdentityService identity;

  public SsoUserService(SsoAccounts accounts, IdentityService identity) {
    this.accounts = accounts;
    this.identity = identity;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser signedIn = verified.loadUser(request);
    String providerId = request.getClientRegistration().getRegistrationId();
    SsoAccounts.SignIn account;
    try {
      try {
        account = accounts.signIn(providerId, signedIn.getClaims());
      } catch (DataIntegrityViolationException race) {
        // the same person's first login in two tabs at once: the other one created the account
        account = accounts.signIn(providerId, signedIn.getClaims());
      }
    } catch (SsoAccounts.Refused r) {
      accounts.recordRefusal(r.refusal(), null);
      throw new Refused(r.refusal(), signedIn.getIdToken().getTokenValue());
    }
    // a citizen found by their citizen-ID number: their "Công dân" roles only, whatever else the account holds
    boolean citizenOnly = account.citizenOnly();
    List<SimpleGrantedAuthority> groups = identity.createGroupQuery().groupMember(account.userId()).list().stream()
        .map(Group::getId).filter(g -> !citizenOnly || Groups.isCitizenGroup(g)).map(SimpleGrantedAuthority::new)
        .toList();
    return new HoctapOidcUser(groups, signedIn, account.userId(), providerId);
  }

  /** The login was refused by hoctap's mapping; the ID token lets the page end the provider's session. */
  public static class Refused extends OAuth2AuthenticationException {
    private static final long serialVersionUID = 1L;
    private final SsoRefusal refusal;
    private final String idToken;

    Refused(SsoRefusal refusal, String idToken) {
      super(new OAuth2Error("hoctap_refused", refusal.reason().name(), null));
      this.refusal = refusal;
      this.idToken = idToken;
    }

    public SsoRefusal refusal() {
      return refusal;
    }

    String idToken() {
      return idToken;
    }
  }
}
