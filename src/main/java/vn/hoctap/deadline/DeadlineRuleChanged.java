package vn.hoctap.deadline;

import vn.hoctap.org.UnitKind;

/** A province's deadline rule was added, changed or removed: the processes it dates follow it. */
public record DeadlineRuleChanged(String procedure, UnitKind.Tier tier, DeadlineKind kind, Long provinceId) {}
