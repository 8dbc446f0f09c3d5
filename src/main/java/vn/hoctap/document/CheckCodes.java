package vn.hoctap.document;

import java.security.SecureRandom;

/** The random 16-character code (80 bits) printed under a document's QR code, as certificates have. */
final class CheckCodes {

  private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private CheckCodes() {}

  static String next() {
    StringBuilder sb = new StringBuilder(16);
    for (int i = 0; i < 16; i++) {
      sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return sb.toString();
  }
}
