package vn.hoctap.org;

/**
 * Subtree queries on materialised org paths ("/HN/HN-TT/"). An org code may contain "_" (and, through older data,
 * anything), which LIKE reads as a wildcard: "/HN/HN_X/%" would also match "/HN/HNAX/…", a sibling's subtree. So
 * every LIKE on a path goes through pattern(), which escapes "\", "%" and "_", together with the explicit ESCAPE
 * clause below (same meaning on H2 and PostgreSQL, whatever their default escape character).
 */
public final class PathPrefix {

  /** The escape character of pattern(), for the JPA Criteria API's like(…, escapeChar). */
  public static final char ESCAPE_CHAR = '\\';

  /** The ESCAPE clause that goes with pattern() in SQL and JPQL: {@code path like ? escape '\'}. */
  public static final String ESCAPE = " escape '\\'";

  private PathPrefix() {}

  /** A LIKE pattern matching the path itself and every path below it, and nothing else. */
  public static String pattern(String path) {
    StringBuilder out = new StringBuilder(path.length() + 4);
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == ESCAPE_CHAR || c == '%' || c == '_') {
        out.append(ESCAPE_CHAR);
      }
      out.append(c);
    }
    return out.append('%').toString();
  }

  /** SQL: {@code column like ? escape '\'}, to be bound to pattern(path). */
  public static String like(String column) {
    return column + " like ?" + ESCAPE;
  }

  /**
   * SQL: the path in one column starts with the path in another, compared as text rather than with LIKE (a pattern
   * taken from a column cannot be escaped by pattern()).
   */
  public static String startsWithColumn(String column, String prefixColumn) {
    return "substring(" + column + " from 1 for length(" + prefixColumn + ")) = " + prefixColumn;
  }
}
