package vn.hoctap.signing;

import java.io.IOException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

/**
 * A check of a signed PDF written for the tests only, with PDFBox and Bouncy Castle directly (none of hoctap's own
 * verification code): the one signature, whether its CMS verifies over the signed byte ranges, whether those
 * ranges cover the whole file, its chain validated (PKIX) to the root given, and the signing time.
 */
public record IndependentCheck(int signatures, String subFilter, boolean intact, boolean coversWholeFile,
    boolean chainsToRoot, String signerSubject, Calendar signingTime, boolean signingCertificateV2,
    boolean hasSigningTimeAttribute, boolean timestamped) {

  public static IndependentCheck of(byte[] pdf, X509Certificate root) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      List<PDSignature> sigs = doc.getSignatureDictionaries();
      PDSignature sig = sigs.get(sigs.size() - 1);
      int[] range = sig.getByteRange();
      byte[] content = sig.getSignedContent(pdf);
      // the room for the CMS is padded with zeros after its DER encoding: read the one object
      ContentInfo info;
      try (ASN1InputStream in = new ASN1InputStream(sig.getContents(pdf))) {
        info = ContentInfo.getInstance(in.readObject());
      }
      CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(content), info);
      SignerInformation si = cms.getSignerInfos().getSigners().iterator().next();
      @SuppressWarnings("unchecked")
      X509CertificateHolder holder = (X509CertificateHolder) cms.getCertificates().getMatches(si.getSID())
          .iterator().next();
      X509Certificate cert = new JcaX509CertificateConverter().getCertificate(holder);
      boolean intact;
      try {
        intact = si.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert));
      } catch (Exception broken) {
        intact = false;
      }
      List<X509Certificate> chain = new ArrayList<>();
      for (Object h : cms.getCertificates().getMatches(null)) {
        X509Certificate c = new JcaX509CertificateConverter().getCertificate((X509CertificateHolder) h);
        if (!c.getSubjectX500Principal().equals(root.getSubjectX500Principal())) {
          chain.add(c);
        }
      }
      chain.remove(cert);
      chain.add(0, cert);
      boolean chains;
      try {
        PKIXParameters p = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        p.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509")
            .generateCertPath(chain), p);
        chains = true;
      } catch (Exception e) {
        chains = false;
      }
      AttributeTable signed = si.getSignedAttributes();
      AttributeTable unsigned = si.getUnsignedAttributes();
      return new IndependentCheck(sigs.size(), sig.getSubFilter(), intact,
          range[0] == 0 && (long) range[2] + range[3] == pdf.length, chains, cert.getSubjectX500Principal()
          .getName(), sig.getSignDate(), signed.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2) != null,
          signed.get(PKCSObjectIdentifiers.pkcs_9_at_signingTime) != null,
          unsigned != null && unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken) != null);
    } catch (IOException e) {
      throw e;
    }
  }
}
