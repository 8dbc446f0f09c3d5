package vn.hoctap.org;

/** The facts about a unit that decide which indicators apply to it. */
public record UnitProfile(UnitKind kind, boolean publicUnit) {}
