package dev.streamer.processor.model;

/** The supported constraints; {@link #simpleName()} is the annotation's simple name and the reported constraint. */
public enum ConstraintKind {
  NOT_NULL("NotNull"),
  NOT_BLANK("NotBlank"),
  NOT_EMPTY("NotEmpty"),
  SIZE("Size"),
  MIN("Min"),
  MAX("Max"),
  POSITIVE("Positive"),
  POSITIVE_OR_ZERO("PositiveOrZero"),
  PATTERN("Pattern"),
  EMAIL("Email"),
  PAST("Past"),
  FUTURE("Future");

  private final String simpleName;

  ConstraintKind(String simpleName) {
    this.simpleName = simpleName;
  }

  public String simpleName() {
    return simpleName;
  }

  /** The kind whose annotation has this simple name, or null. */
  public static ConstraintKind bySimpleName(String simpleName) {
    for (ConstraintKind kind : values()) {
      if (kind.simpleName.equals(simpleName)) {
        return kind;
      }
    }
    return null;
  }
}
