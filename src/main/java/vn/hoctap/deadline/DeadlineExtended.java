package vn.hoctap.deadline;

/**
 * Published (in the extension's own transaction) when an administrator extends a deadline: whatever was dated by
 * that deadline — open tasks, timers — follows the new date.
 */
public record DeadlineExtended(String procedure, long unitId, DeadlineKind kind, int assessmentYear) {}
