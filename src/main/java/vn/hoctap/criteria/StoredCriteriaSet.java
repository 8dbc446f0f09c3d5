package vn.hoctap.criteria;

import java.time.LocalDateTime;

/** A criteria set version as stored in criteria_set_version; {@code id} is what dossiers and evaluations refer to. */
public record StoredCriteriaSet(long id, CriteriaSet set, LocalDateTime createdAt, String createdBy) {}
