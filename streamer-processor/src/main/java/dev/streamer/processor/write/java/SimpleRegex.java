package dev.streamer.processor.write.java;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code @Pattern} regexp proven simple enough to match with a loop instead of {@link java.util.regex.Pattern}: a
 * sequence of items, each a set of characters (a literal, {@code [...]} without negation, nesting or intersection,
 * {@code \d}, {@code \w}, {@code \s}, an escaped metacharacter) repeated {@code ?}, {@code *}, {@code +},
 * {@code {n}}, {@code {n,}} or {@code {n,m}} (greedy), between an optional {@code ^} and {@code $}; no flags.
 *
 * <p>Proof obligation, checked here: after an item of variable length, every item up to and including the next one
 * that must match at least once shares no character with it. The match is then unique and found left to right
 * without backtracking, so the loop agrees with {@code Pattern.matches} on every input. Sets hold no surrogate, so
 * a supplementary character (two chars to the loop, one code point to the regex) fails both alike.
 */
record SimpleRegex(List<Item> items) {

  /** Characters of {@code ranges} (inclusive pairs, sorted, disjoint), {@code min} to {@code max} times. */
  record Item(List<char[]> ranges, int min, int max) {
    static final int UNBOUNDED = Integer.MAX_VALUE;

    boolean contains(char c) {
      for (char[] r : ranges) {
        if (c >= r[0] && c <= r[1]) {
          return true;
        }
      }
      return false;
    }

    boolean overlaps(Item other) {
      for (char[] r : ranges) {
        for (char[] o : other.ranges) {
          if (r[0] <= o[1] && o[0] <= r[1]) {
            return true;
          }
        }
      }
      return false;
    }
  }

  private static final String META = "\\.[]{}()*+?^$|";

  /** The regexp as a sequence of items, or empty when it is not (provably) simple. */
  static Optional<SimpleRegex> parse(String regexp, int flags) {
    if (flags != 0) {
      return Optional.empty();
    }
    try {
      List<Item> items = new Parser(regexp).items();
      return items != null && deterministic(items) ? Optional.of(new SimpleRegex(items)) : Optional.empty();
    } catch (RuntimeException notSimple) {
      return Optional.empty();
    }
  }

  private static boolean deterministic(List<Item> items) {
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      if (item.min() == item.max()) {
        continue;
      }
      for (int j = i + 1; j < items.size(); j++) {
        if (item.overlaps(items.get(j))) {
          return false;
        }
        if (items.get(j).min() > 0) {
          break;
        }
      }
    }
    return true;
  }

  /** Recursive descent over the accepted subset; null (or an exception) for anything else. */
  private static final class Parser {
    private final String s;
    private int i;

    Parser(String s) {
      this.s = s;
    }

    List<Item> items() {
      int end = s.length();
      if (s.startsWith("^")) {
        i = 1;
      }
      if (end > i && s.charAt(end - 1) == '$' && !escaped(end - 1)) {
        end--;
      }
      List<Item> items = new ArrayList<>();
      while (i < end) {
        List<char[]> set = atom();
        if (set == null) {
          return null;
        }
        int min = 1;
        int max = 1;
        if (i < end) {
          char q = s.charAt(i);
          if (q == '?' || q == '*' || q == '+') {
            min = q == '+' ? 1 : 0;
            max = q == '?' ? 1 : Item.UNBOUNDED;
            i++;
          } else if (q == '{') {
            int close = s.indexOf('}', i);
            if (close < 0 || close >= end) {
              return null;
            }
            String body = s.substring(i + 1, close);
            int comma = body.indexOf(',');
            min = Integer.parseInt(comma < 0 ? body : body.substring(0, comma));
            max = comma < 0 ? min : comma == body.length() - 1 ? Item.UNBOUNDED
                : Integer.parseInt(body.substring(comma + 1));
            if (min > max || body.startsWith("+") || body.contains(",+") || body.contains(" ")) {
              return null;
            }
            i = close + 1;
          }
          if (i < end && (s.charAt(i) == '?' || s.charAt(i) == '+')) {
            return null; // lazy or possessive: left to java.util.regex
          }
        }
        items.add(new Item(set, min, max));
      }
      return i == end ? items : null;
    }

    private boolean escaped(int at) {
      int backslashes = 0;
      for (int k = at - 1; k >= 0 && s.charAt(k) == '\\'; k--) {
        backslashes++;
      }
      return backslashes % 2 != 0;
    }

    /** One atom's character set, or null. */
    private List<char[]> atom() {
      char c = s.charAt(i);
      if (c == '[') {
        return charClass();
      }
      if (c == '\\') {
        return escape();
      }
      if (META.indexOf(c) >= 0) {
        return null; // . ( ) | and quantifiers out of place
      }
      i++;
      return single(c);
    }

    private List<char[]> escape() {
      char e = s.charAt(i + 1);
      i += 2;
      switch (e) {
        case 'd':
          return ranges('0', '9');
        case 'w':
          return ranges('0', '9', 'A', 'Z', '_', '_', 'a', 'z');
        case 's':
          return ranges('\t', '\r', ' ', ' '); // \t \n \u000B \f \r and space
        case 't':
          return single('\t');
        case 'n':
          return single('\n');
        case 'r':
          return single('\r');
        case 'f':
          return single('\f');
        default:
          return "\\.[]{}()*+?^$|-/".indexOf(e) >= 0 ? single(e) : null;
      }
    }

    /** {@code [...]}: literals, escapes and ranges of plain characters; a '-' only first or last. */
    private List<char[]> charClass() {
      i++;
      List<char[]> set = new ArrayList<>();
      if (i < s.length() && (s.charAt(i) == '^' || s.charAt(i) == ']')) {
        return null;
      }
      boolean first = true;
      while (i < s.length() && s.charAt(i) != ']') {
        char c = s.charAt(i);
        if (c == '\\') {
          List<char[]> escaped = escape();
          if (escaped == null) {
            return null;
          }
          set.addAll(escaped);
        } else if (c == '[' || c == '&') {
          return null;
        } else if (c == '-') {
          if (!first && s.charAt(i + 1) != ']') {
            return null;
          }
          set.add(new char[] {'-', '-'});
          i++;
        } else if (s.charAt(i + 1) == '-' && s.charAt(i + 2) != ']') {
          char to = s.charAt(i + 2);
          if ("\\[]&-^".indexOf(to) >= 0 || to < c) {
            return null;
          }
          set.add(new char[] {c, to});
          i += 3;
        } else {
          set.add(new char[] {c, c});
          i++;
        }
        first = false;
      }
      if (i >= s.length() || set.isEmpty()) {
        return null;
      }
      i++; // ']'
      return normalize(set);
    }

    private static List<char[]> single(char c) {
      return normalize(new ArrayList<>(List.of(new char[] {c, c})));
    }

    private static List<char[]> ranges(char... bounds) {
      List<char[]> set = new ArrayList<>();
      for (int k = 0; k < bounds.length; k += 2) {
        set.add(new char[] {bounds[k], bounds[k + 1]});
      }
      return normalize(set);
    }

    /** Sorted and merged; refuses surrogates. */
    private static List<char[]> normalize(List<char[]> set) {
      set.sort((a, b) -> a[0] - b[0]);
      List<char[]> merged = new ArrayList<>();
      for (char[] r : set) {
        if (r[0] <= Character.MAX_SURROGATE && r[1] >= Character.MIN_SURROGATE) {
          throw new IllegalArgumentException("surrogates");
        }
        char[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
        if (last != null && r[0] <= last[1] + 1) {
          last[1] = (char) Math.max(last[1], r[1]);
        } else {
          merged.add(new char[] {r[0], r[1]});
        }
      }
      return merged;
    }
  }
}
