package dev.streamer.runtime.validation;

import java.util.List;

/** A payload that breaks one or more constraints; carries every violation found. The message is client-safe. */
public final class ValidationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  public ValidationException(List<Violation> violations) {
    super(violations.size() + (violations.size() == 1 ? " constraint violation" : " constraint violations"),
        null, false, false); // no stack trace: this is an expected, client-caused outcome
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
