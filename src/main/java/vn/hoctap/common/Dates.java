package vn.hoctap.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Dates as Vietnamese officials write them. */
public final class Dates {
  public static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private Dates() {}

  public static String vn(LocalDate date) {
    return date == null ? "" : VN.format(date);
  }
}
