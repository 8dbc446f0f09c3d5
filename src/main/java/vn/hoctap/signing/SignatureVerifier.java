package vn.hoctap.signing;

import java.security.MessageDigest;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Checks a CMS signature over a document hash: the message digest is the document's, the signature value verifies
 * with the signer's certificate, and that certificate chains (PKIX, no revocation check) to a root hoctap trusts at
 * the signing time. Used when a signer's tool or a remote service returns a CMS, and on uploaded files.
 */
public final class SignatureVerifier {

  /** What a CMS says and whether it holds. */
  public record Result(boolean digestMatches, boolean signatureValid, boolean trusted, String signerName,
      String subject, String issuer, String serial, Instant timestampTime, String problem) {

    public boolean ok() {
      return digestMatches && signatureValid && trusted;
    }

    public boolean timestamped() {
      return timestampTime != null;
    }
  }

  private SignatureVerifier() {}

  /** The CMS (trailing zero padding allowed) over the SHA-256 digest given. */
  public static Result verify(byte[] cmsBytes, byte[] digest, List<X509Certificate> anchors, Instant at) {
    CMSSignedData cms;
    SignerInformation si;
    X509Certificate cert;
    List<X509Certificate> certs = new ArrayList<>();
    try (ASN1InputStream in = new ASN1InputStream(cmsBytes)) {
      // detached: the content's digest is given, as the signed byte ranges hash to it
      cms = new CMSSignedData(java.util.Map.of(org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256, digest),
          ContentInfo.getInstance(in.readObject()));
      si = cms.getSignerInfos().getSigners().iterator().next();
      JcaX509CertificateConverter conv = new JcaX509CertificateConverter();
      for (Object h : cms.getCertificates().getMatches(null)) {
        certs.add(conv.getCertificate((X509CertificateHolder) h));
      }
      @SuppressWarnings("unchecked")
      X509CertificateHolder holder = (X509CertificateHolder) cms.getCertificates().getMatches(si.getSID()).stream()
          .findFirst().orElse(null);
      if (holder == null) {
        return broken("Chữ ký số không kèm chứng thư số của người ký.");
      }
      cert = conv.getCertificate(holder);
    } catch (Exception e) {
      return broken("Chữ ký số không đọc được (không đúng định dạng CMS).");
    }
    AttributeTable signed = si.getSignedAttributes();
    Attribute md = signed == null ? null : signed.get(CMSAttributes.messageDigest);
    boolean digestMatches = md != null && MessageDigest.isEqual(
        ASN1OctetString.getInstance(md.getAttrValues().getObjectAt(0)).getOctets(), digest);
    boolean valid;
    try {
      valid = si.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert));
    } catch (Exception e) {
      valid = false;
    }
    Instant tsTime = null;
    AttributeTable unsigned = si.getUnsignedAttributes();
    if (unsigned != null && unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken) != null) {
      try {
        TimeStampToken token = new TimeStampToken(ContentInfo.getInstance(unsigned.get(
            PKCSObjectIdentifiers.id_aa_signatureTimeStampToken).getAttrValues().getObjectAt(0)));
        if (MessageDigest.isEqual(token.getTimeStampInfo().getMessageImprintDigest(),
            Cades.sha256(si.getSignature()))) {
          tsTime = token.getTimeStampInfo().getGenTime().toInstant();
        }
      } catch (Exception ignored) {
        // an unreadable token: the signature is judged without it
      }
    }
    boolean trusted = chains(cert, certs, anchors, tsTime != null ? tsTime : at);
    String problem = !digestMatches || !valid ? "Chữ ký số không khớp với nội dung văn bản."
        : !trusted ? "Chứng thư số của người ký không do tổ chức cung cấp dịch vụ chứng thực được hoctap tin cậy cấp,"
        + " hoặc đã hết hạn tại thời điểm ký." : null;
    return new Result(digestMatches, valid, trusted, commonName(cert.getSubjectX500Principal()),
        cert.getSubjectX500Principal().getName(X500Principal.RFC2253), cert.getIssuerX500Principal().getName(
        X500Principal.RFC2253), cert.getSerialNumber().toString(16), tsTime, problem);
  }

  private static Result broken(String problem) {
    return new Result(false, false, false, null, null, null, null, null, problem);
  }

  static boolean chains(X509Certificate cert, List<X509Certificate> certs, List<X509Certificate> anchors,
      Instant at) {
    if (anchors.isEmpty()) {
      return false;
    }
    try {
      Set<TrustAnchor> trust = new HashSet<>();
      for (X509Certificate a : anchors) {
        trust.add(new TrustAnchor(a, null));
      }
      List<X509Certificate> path = new ArrayList<>();
      path.add(cert);
      X509Certificate current = cert;
      // build the path from the certificates in the CMS, stopping before a trusted root
      for (int i = 0; i < 8; i++) {
        X509Certificate next = null;
        for (X509Certificate c : certs) {
          if (c != current && c.getSubjectX500Principal().equals(current.getIssuerX500Principal())
              && !c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
            next = c;
          }
        }
        if (next == null || path.contains(next)) {
          break;
        }
        path.add(next);
        current = next;
      }
      PKIXParameters p = new PKIXParameters(trust);
      p.setRevocationEnabled(false);
      p.setDate(Date.from(at));
      CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(path),
          p);
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  public static String commonName(X500Principal p) {
    X500Name name = X500Name.getInstance(p.getEncoded());
    RDN[] cn = name.getRDNs(BCStyle.CN);
    return cn.length == 0 ? p.getName() : IETFUtils.valueToString(cn[0].getFirst().getValue());
  }

}
