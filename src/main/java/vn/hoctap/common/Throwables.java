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

  /**
   * What to tell the user when the database refused a value (SQL state class 22, "data exception", on H2 and
   * PostgreSQL): a text longer than its column (22001), a NUL character PostgreSQL cannot store (22021), a number
   * out of range… — a value the request carried and we did not check ourselves. Null for any other error.
   */
  public static String refusedValue(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
        return "22001".equals(sql.getSQLState())
            ? "Có nội dung nhập vào dài quá mức cho phép, chưa lưu gì. Hãy rút gọn rồi thử lại. (A value is too long.)"
            : "Có giá trị nhập vào không hợp lệ (ký tự lạ như NUL, hoặc số ngoài phạm vi), chưa lưu gì. Hãy sửa rồi"
                + " thử lại. (A value was refused by the database.)";
      }
    }
    return null;
  }
}
