package dev.streamer.processor.model;

/**
 * One constraint on a record component.
 *
 * @param kind    which constraint
 * @param message the annotation's {@code message()}, or empty for the default message
 * @param value   bound of Min/Max (0 otherwise)
 * @param min     lower bound of Size (0 otherwise)
 * @param max     upper bound of Size ({@code Integer.MAX_VALUE} otherwise)
 * @param regexp  regular expression of Pattern (empty otherwise); already checked to compile
 * @param flags   {@link java.util.regex.Pattern} flags of Pattern (0 otherwise)
 */
public record ConstraintModel(ConstraintKind kind, String message, long value, int min, int max, String regexp, int flags) {

  public static ConstraintModel of(ConstraintKind kind, String message) {
    return new ConstraintModel(kind, message, 0, 0, Integer.MAX_VALUE, "", 0);
  }

  public static ConstraintModel bound(ConstraintKind kind, String message, long value) {
    return new ConstraintModel(kind, message, value, 0, Integer.MAX_VALUE, "", 0);
  }

  public static ConstraintModel size(String message, int min, int max) {
    return new ConstraintModel(ConstraintKind.SIZE, message, 0, min, max, "", 0);
  }

  public static ConstraintModel pattern(String message, String regexp, int flags) {
    return new ConstraintModel(ConstraintKind.PATTERN, message, 0, 0, Integer.MAX_VALUE, regexp, flags);
  }

  public boolean hasCustomMessage() {
    return !message.isEmpty();
  }
}
