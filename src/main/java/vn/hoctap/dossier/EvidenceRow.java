package vn.hoctap.dossier;

import java.time.Instant;

/** Evidence without its content, with its category and the reviewer's marking, for the evidence pages. */
public interface EvidenceRow extends EvidenceInfo {
  String getCategory();

  String getReviewVerdict();

  String getReviewReason();

  String getReviewedBy();

  Instant getReviewedAt();
}
