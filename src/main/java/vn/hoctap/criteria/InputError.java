package vn.hoctap.criteria;

/**
 * A problem with an entered indicator value. {@code field} names the IndicatorInput component to fix
 * ("yes", "met", "total", "choice"), or "code" when the indicator itself is unknown.
 */
public record InputError(String code, String field, String message) {}
