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
}
