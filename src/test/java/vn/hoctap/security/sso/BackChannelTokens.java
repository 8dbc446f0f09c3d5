package vn.hoctap.security.sso;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** Logout tokens (OpenID Connect Back-Channel Logout 1.0) made by the tests, signed with a key of their own. */
final class BackChannelTokens {

  private BackChannelTokens() {}

  /** A logout token with every claim the specification asks for, signed RS256 by {@code key}. */
  static String signed(KeyPair key, String issuer, String audience, String subject, String sid)
      throws GeneralSecurityException {
    String header = "{\"alg\":\"RS256\",\"typ\":\"logout+jwt\",\"kid\":\"" + UUID.randomUUID() + "\"}";
    String claims = "{\"iss\":\"" + issuer + "\",\"aud\":\"" + audience + "\",\"sub\":\"" + subject
        + "\",\"sid\":\"" + sid + "\",\"iat\":" + Instant.now().getEpochSecond() + ",\"jti\":\""
        + UUID.randomUUID() + "\",\"events\":{\"http://schemas.openid.net/event/backchannel-logout\":{}}}";
    String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(claims.getBytes(
        StandardCharsets.UTF_8));
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initSign(key.getPrivate());
    rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + b64(rs256.sign());
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
