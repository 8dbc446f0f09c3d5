package vn.hoctap.dossier;

import java.time.Instant;

/** Evidence without its content, for listings. */
public interface EvidenceInfo {
  Long getId();

  String getIndicatorCode();

  String getFileName();

  String getContentType();

  long getSizeBytes();

  String getSha256();

  String getNote();

  String getUploadedBy();

  Instant getUploadedAt();
}
