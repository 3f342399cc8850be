package dev.streamer.core.validation;

import java.util.List;

/**
 * A payload that breaks one or more constraints. An expected, client-caused outcome: no stack trace; the
 * violations are safe to show to the client.
 */
public final class ValidationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<Violation> violations;

  public ValidationException(List<Violation> violations) {
    this(violations, violations.size());
  }

  /**
   * {@code violations} as listed to the client, out of {@code count} found ({@link Violations} keeps at most
   * {@value Violations#MAX_REPORTED}).
   */
  public ValidationException(List<Violation> violations, int count) {
    super(message(count, violations.size()), null, false, false);
    this.violations = List.copyOf(violations);
  }

  /**
   * Throws a ValidationException of {@code violations} unless there are none. Built here, in the class itself: a
   * caller that wrote {@code throw new ValidationException(...)} would load this class whenever it is verified, even
   * on a cold start whose payloads are all valid.
   */
  public static void throwIfAny(Violations violations) {
    if (!violations.isEmpty()) {
      throw new ValidationException(violations.list(), violations.count());
    }
  }

  /** Every violation found, in the order the validator reported them. */
  public List<Violation> violations() {
    return violations;
  }

  private static String message(int n, int listed) {
    return "payload has " + n + (n == 1 ? " constraint violation" : " constraint violations")
        + (listed < n ? " (the first " + listed + " listed)" : "");
  }
}
