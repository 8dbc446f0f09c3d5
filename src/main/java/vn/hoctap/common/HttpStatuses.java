package vn.hoctap.common;

/** The HTTP status of each kind of refusal, shared by our API and the engine's REST API. */
public final class HttpStatuses {
  private HttpStatuses() {}

  public static int of(DomainException.Kind kind) {
    return switch (kind) {
      case BAD_INPUT -> 400;
      case FORBIDDEN -> 403;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case RULE -> 422;
    };
  }
}
