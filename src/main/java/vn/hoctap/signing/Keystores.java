package vn.hoctap.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Reads a PKCS#12 keystore: the key (the alias given, else the only key entry) and its certificate chain. */
final class Keystores {

  private Keystores() {}

  static DemoCa.ServerKey load(Path file, char[] password, String alias, boolean demo)
      throws IOException, GeneralSecurityException {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      ks.load(in, password);
    }
    String a = alias;
    if (a == null || a.isBlank()) {
      a = Collections.list(ks.aliases()).stream().filter(x -> {
        try {
          return ks.isKeyEntry(x);
        } catch (GeneralSecurityException e) {
          return false;
        }
      }).findFirst().orElseThrow(() -> new GeneralSecurityException("no key entry in " + file));
    }
    PrivateKey key = (PrivateKey) ks.getKey(a, password);
    if (key == null) {
      throw new GeneralSecurityException("no key \"" + a + "\" in " + file);
    }
    List<X509Certificate> chain = new ArrayList<>();
    for (Certificate c : ks.getCertificateChain(a)) {
      chain.add((X509Certificate) c);
    }
    return new DemoCa.ServerKey(key, chain, demo);
  }
}
