package vn.hoctap.signing;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The CMS of a PAdES baseline signature (ETSI EN 319 142-1, SubFilter ETSI.CAdES.detached) over a document hash:
 * signed attributes content-type, message-digest and signing-certificate-v2, no signing-time (the time is the
 * signature dictionary's M); a signature-time-stamp token added when a timestamp service is configured (B-T).
 */
public final class Cades {

  private Cades() {}

  /** The detached CMS SignedData over the SHA-256 digest of the signed byte ranges. */
  public static byte[] sign(byte[] digest, PrivateKey key, List<X509Certificate> chain) {
    try {
      X509Certificate cert = chain.get(0);
      String algorithm = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
      ESSCertIDv2 certId = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256),
          sha256(cert.getEncoded()));
      CMSAttributeTableGenerator signedAttributes = params -> {
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new Attribute(CMSAttributes.contentType, new DERSet(PKCSObjectIdentifiers.data)));
        v.add(new Attribute(CMSAttributes.messageDigest, new DERSet(new DEROctetString(digest))));
        v.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
            new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {certId}))));
        return new AttributeTable(v);
      };
      CMSSignedDataGenerator g = new CMSSignedDataGenerator();
      g.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
          .setSignedAttributeGenerator(signedAttributes)
          .build(new JcaContentSignerBuilder(algorithm).build(key), cert));
      g.addCertificates(new JcaCertStore(chain));
      return g.generate(new CMSAbsentContent(), false).getEncoded("DER");
    } catch (GeneralSecurityException | OperatorCreationException | CMSException | IOException e) {
      throw new IllegalStateException("Không tạo được chữ ký số", e);
    }
  }

  /** The same CMS with a signature-time-stamp over its signature value (PAdES-B-T). */
  public static byte[] withTimestamp(byte[] cms, TimestampClient tsa) {
    try {
      CMSSignedData data = new CMSSignedData(cms);
      SignerInformation si = data.getSignerInfos().getSigners().iterator().next();
      byte[] token = tsa.token(sha256(si.getSignature()));
      AttributeTable unsigned = new AttributeTable(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
          new DERSet(ASN1Primitive.fromByteArray(token))));
      si = SignerInformation.replaceUnsignedAttributes(si, unsigned);
      return CMSSignedData.replaceSigners(data, new SignerInformationStore(si)).getEncoded("DER");
    } catch (CMSException | IOException e) {
      throw new IllegalStateException("Không gắn được dấu thời gian vào chữ ký số", e);
    }
  }

  public static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
