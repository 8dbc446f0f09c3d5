package vn.hoctap.dossier;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Minh chứng: a file proving an indicator, kept in the database so a backup holds the whole dossier. */
@Entity
@Table(name = "evidence")
public class Evidence {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "dossier_id", nullable = false)
  private Long dossierId;

  @Column(name = "indicator_code")
  private String indicatorCode;

  @Column(name = "file_name", nullable = false)
  private String fileName;

  @Column(name = "content_type", nullable = false)
  private String contentType;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  @Column(nullable = false)
  private String sha256;

  private String note;

  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false)
  private byte[] content;

  @Column(name = "uploaded_by", nullable = false)
  private String uploadedBy;

  @Column(name = "uploaded_at", nullable = false)
  private Instant uploadedAt;

  /** For a file of the whole dossier (no indicator): TO_TRINH, BAO_CAO_TU_DANH_GIA, BIEN_BAN_HOP or KHAC. */
  private String category;

  /** The receiving body's reviewer's marking: PHU_HOP or KHONG_PHU_HOP (null until marked). */
  @Column(name = "review_verdict")
  private String reviewVerdict;

  @Column(name = "review_reason")
  private String reviewReason;

  @Column(name = "reviewed_by")
  private String reviewedBy;

  @Column(name = "reviewed_at")
  private Instant reviewedAt;

  protected Evidence() {}

  Evidence(Long dossierId, String indicatorCode, String fileName, String contentType, byte[] content,
      String sha256, String note, String uploadedBy, Instant uploadedAt) {
    this.dossierId = dossierId;
    this.indicatorCode = indicatorCode;
    this.fileName = fileName;
    this.contentType = contentType;
    this.content = content;
    this.sizeBytes = content.length;
    this.sha256 = sha256;
    this.note = note;
    this.uploadedBy = uploadedBy;
    this.uploadedAt = uploadedAt;
  }

  void setCategory(String category) {
    this.category = category;
  }

  void mark(String verdict, String reason, String by, Instant at) {
    this.reviewVerdict = verdict;
    this.reviewReason = reason;
    this.reviewedBy = by;
    this.reviewedAt = at;
  }

  public String getCategory() {
    return category;
  }

  public String getReviewVerdict() {
    return reviewVerdict;
  }

  public String getReviewReason() {
    return reviewReason;
  }

  public String getReviewedBy() {
    return reviewedBy;
  }

  public Instant getReviewedAt() {
    return reviewedAt;
  }

  public Long getId() {
    return id;
  }

  public Long getDossierId() {
    return dossierId;
  }

  public String getIndicatorCode() {
    return indicatorCode;
  }

  public String getFileName() {
    return fileName;
  }

  public String getContentType() {
    return contentType;
  }

  public long getSizeBytes() {
    return sizeBytes;
  }

  public String getSha256() {
    return sha256;
  }

  public String getNote() {
    return note;
  }

  public byte[] getContent() {
    return content;
  }

  public String getUploadedBy() {
    return uploadedBy;
  }

  public Instant getUploadedAt() {
    return uploadedAt;
  }
}
