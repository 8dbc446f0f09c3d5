package vn.hoctap.common;

import java.time.LocalDate;

/** Periods of validity of dated rules: both days included, a null bound is no bound. */
public final class Periods {

  private Periods() {}

  /** Whether {@code day} falls in {@code [from, to]}. */
  public static boolean contains(LocalDate from, LocalDate to, LocalDate day) {
    return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
  }

  /** Whether {@code [aFrom, aTo]} and {@code [bFrom, bTo]} share a day. */
  public static boolean overlap(LocalDate aFrom, LocalDate aTo, LocalDate bFrom, LocalDate bTo) {
    return (aTo == null || bFrom == null || !bFrom.isAfter(aTo))
        && (bTo == null || aFrom == null || !bTo.isBefore(aFrom));
  }
}
