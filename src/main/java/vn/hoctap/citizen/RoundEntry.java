package vn.hoctap.citizen;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One person, household, clan or village of a round, with its scores per indicator and its result.
 * {@code selfAssessed}: the person entered it themselves (page "Tự đánh giá"), not the unit's list.
 */
public record RoundEntry(long id, Subject subject, String identityNo, String fullName, Integer birthYear,
    long criteriaId, Map<String, BigDecimal> scores, BigDecimal total, boolean passed, String explanation,
    String judgement, String returnReason, boolean recognised, boolean selfAssessed) {}
