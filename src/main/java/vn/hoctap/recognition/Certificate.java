package vn.hoctap.recognition;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Giấy chứng nhận of a recognition, with the code a public check can verify. */
@Entity
@Table(name = "certificate")
public class Certificate {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "recognition_id", nullable = false)
  private Long recognitionId;

  @Column(name = "certificate_no", nullable = false)
  private String certificateNo;

  @Column(name = "verification_code", nullable = false)
  private String verificationCode;

  @Column(name = "issued_at", nullable = false)
  private Instant issuedAt;

  protected Certificate() {}

  Certificate(Long recognitionId, String certificateNo, String verificationCode, Instant issuedAt) {
    this.recognitionId = recognitionId;
    this.certificateNo = certificateNo;
    this.verificationCode = verificationCode;
    this.issuedAt = issuedAt;
  }

  public Long getRecognitionId() {
    return recognitionId;
  }

  public String getCertificateNo() {
    return certificateNo;
  }

  public String getVerificationCode() {
    return verificationCode;
  }

  public Instant getIssuedAt() {
    return issuedAt;
  }
}
