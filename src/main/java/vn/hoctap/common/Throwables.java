package vn.hoctap.common;

/** Finds the meaningful exception behind the engine's and Spring's wrappers. */
public final class Throwables {
  private Throwables() {}

  public static <T extends Throwable> T find(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }

  /** SQL state 22001 (string data, right truncation): a value longer than its column, on H2 and PostgreSQL. */
  public static boolean valueTooLong(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof java.sql.SQLException sql && "22001".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** Said to the user when a text is longer than its column (a field we did not check ourselves). */
  public static final String TOO_LONG = "Có nội dung nhập vào dài quá mức cho phép, chưa lưu gì. Hãy rút gọn rồi"
      + " thử lại. (A value is too long.)";
}
