package vn.hoctap.common;

import java.util.List;

/**
 * A refusal the user can act on: the message says what is wrong and what to do, in Vietnamese. The kind decides
 * the HTTP status; the details list every problem found (e.g. one per indicator) so nothing has to be guessed.
 */
public class DomainException extends RuntimeException {

  public enum Kind { BAD_INPUT, NOT_FOUND, CONFLICT, RULE, FORBIDDEN }

  /** One problem, with the form field it belongs to (null when it concerns the whole submission). */
  public record Problem(String field, String message) {}

  private final Kind kind;
  private final List<String> details;
  private final List<Problem> problems;

  public DomainException(Kind kind, String message) {
    this(kind, message, List.of());
  }

  public DomainException(Kind kind, String message, List<String> details) {
    super(message);
    this.kind = kind;
    this.details = List.copyOf(details);
    this.problems = details.stream().map(d -> new Problem(null, d)).toList();
  }

  /** A refusal whose problems each name their form field, for pages that show a message next to its field. */
  public static DomainException badInputOf(String message, List<Problem> problems) {
    return new DomainException(message, problems);
  }

  private DomainException(String message, List<Problem> problems) {
    super(message);
    this.kind = Kind.BAD_INPUT;
    this.problems = List.copyOf(problems);
    this.details = this.problems.stream().map(Problem::message).toList();
  }

  public static DomainException badInput(String message, List<String> details) {
    return new DomainException(Kind.BAD_INPUT, message, details);
  }

  public static DomainException badInput(String message) {
    return new DomainException(Kind.BAD_INPUT, message);
  }

  public static DomainException notFound(String message) {
    return new DomainException(Kind.NOT_FOUND, message);
  }

  public static DomainException conflict(String message) {
    return new DomainException(Kind.CONFLICT, message);
  }

  public static DomainException rule(String message) {
    return new DomainException(Kind.RULE, message);
  }

  public static DomainException forbidden(String message) {
    return new DomainException(Kind.FORBIDDEN, message);
  }

  public Kind kind() {
    return kind;
  }

  public List<String> details() {
    return details;
  }

  /** The details with their fields (a field is null where the problem has none). */
  public List<Problem> fieldProblems() {
    return problems;
  }

  /** The message with its details, for places (like the Tasklist) that show one text. */
  public String fullMessage() {
    return details.isEmpty() ? getMessage() : getMessage() + " " + String.join("; ", details);
  }
}
