package vn.hoctap.common.xlsx;

import vn.hoctap.common.DomainException;

/**
 * A spreadsheet refused while it was read: the message says what to fix. Where the problem has a place, the sheet,
 * the row as Excel numbers it and the cell ("B7") are given too (null / 0 when it concerns the whole file).
 */
public class XlsxRefused extends DomainException {

  private final String sheet;
  private final int row;
  private final String cell;

  public XlsxRefused(String message) {
    this(null, 0, null, message);
  }

  public XlsxRefused(String sheet, int row, String cell, String message) {
    super(Kind.BAD_INPUT, message);
    this.sheet = sheet;
    this.row = row;
    this.cell = cell;
  }

  public String sheet() {
    return sheet;
  }

  public int row() {
    return row;
  }

  public String cell() {
    return cell;
  }
}
