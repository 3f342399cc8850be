package dev.streamer.processor.read;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Maps {@code jakarta.validation.constraints.Pattern.Flag} constant names to {@link Pattern} flags. */
public final class RegexFlags {

  private static final String[] NAMES =
      {"UNIX_LINES", "CASE_INSENSITIVE", "COMMENTS", "MULTILINE", "DOTALL", "UNICODE_CASE", "CANON_EQ"};
  private static final int[] VALUES = {Pattern.UNIX_LINES, Pattern.CASE_INSENSITIVE, Pattern.COMMENTS,
      Pattern.MULTILINE, Pattern.DOTALL, Pattern.UNICODE_CASE, Pattern.CANON_EQ};

  private RegexFlags() {}

  /** The flag bit of {@code name}, 0 for an unknown name. */
  public static int valueOf(String name) {
    for (int i = 0; i < NAMES.length; i++) {
      if (NAMES[i].equals(name)) {
        return VALUES[i];
      }
    }
    return 0;
  }

  /** The names of the bits set in {@code flags}, in a fixed order. */
  public static List<String> names(int flags) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < NAMES.length; i++) {
      if ((flags & VALUES[i]) != 0) {
        names.add(NAMES[i]);
      }
    }
    return names;
  }
}
