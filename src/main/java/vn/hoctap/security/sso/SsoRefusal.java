package vn.hoctap.security.sso;

import java.io.Serializable;

/**
 * Why a single sign-on did not open a hoctap session, with what the person needs to tell whom they ask. Shown by
 * the refusal page ({@code sso/khong-dang-nhap.html}) and written to the audit log.
 *
 * @param providerName the provider's name as configured (the login button's)
 * @param subject the value of the provider's user-id claim (an administrator maps it), or null
 * @param name the name the provider asserted, or null
 * @param orgCode the organisation code the provider asserted, or null
 * @param orgName that unit's name in hoctap's tree, or null when hoctap does not know the code
 * @param citizenId the asserted citizen-ID number, masked but for its first four and last two digits, or null
 */
public record SsoRefusal(Reason reason, String providerId, String providerName, String subject, String name,
    String orgCode, String orgName, String citizenId) implements Serializable {

  /** The kinds of refusal, each with its own advice on the page. */
  public enum Reason {
    /** No mapping, no citizen account, no unit that allows accounts to be created. */
    UNKNOWN,
    /** The asserted unit is known, but no administrator allowed accounts to be created for it. */
    UNIT_NOT_ALLOWED,
    /** An administrator suspended this identity's sign-on (or the hoctap user it maps to is gone). */
    SUSPENDED,
    /** A citizen-ID number that no commune's list holds. */
    CITIZEN_UNKNOWN,
    /** The provider did not send the claim that identifies the account (a configuration error). */
    NO_USER_ID,
    /** The provider's answer was refused: invalid code, token from another issuer, bad signature, cancelled. */
    FAILED,
    /** The provider cannot be reached. */
    PROVIDER_DOWN
  }

  static SsoRefusal failed(String providerId, String providerName) {
    return new SsoRefusal(Reason.FAILED, providerId, providerName, null, null, null, null, null);
  }

  /** "0011******45": enough for the person to recognise their number, not enough to copy it off a screen. */
  static String mask(String citizenId) {
    if (citizenId == null || citizenId.length() < 8) {
      return citizenId == null ? null : "****";
    }
    return citizenId.substring(0, 4) + "*".repeat(citizenId.length() - 6)
        + citizenId.substring(citizenId.length() - 2);
  }
}
