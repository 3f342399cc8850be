package dev.streamer.core.validation;

/**
 * The text a regular expression runs on, counting the engine's reads: {@code java.util.regex} backtracks, and some
 * patterns take exponential or high-polynomial time on some inputs (issue 10, case 7). Every step of the engine
 * reads a character, so a budget of reads bounds its time; when it runs out, {@link #charAt} throws
 * {@link Exhausted} and the match counts as failed.
 */
final class BoundedChars implements CharSequence {

  /** Thrown when the budget runs out; one shared instance without a stack trace, as it is an expected outcome. */
  static final class Exhausted extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final Exhausted INSTANCE = new Exhausted();

    private Exhausted() {
      super("regular expression step budget exhausted", null, false, false);
    }
  }

  private final CharSequence text;
  private final long budget;
  private long left;

  BoundedChars(CharSequence text, long budget) {
    this.text = text;
    this.budget = budget;
    this.left = budget;
  }

  /** Reads made so far. */
  long used() {
    return budget - left;
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public char charAt(int index) {
    if (--left < 0) {
      throw Exhausted.INSTANCE;
    }
    return text.charAt(index);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return text.subSequence(start, end);
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
