package dev.streamer.core.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds invalid Unicode in JSON text before it is parsed: bytes that are not well-formed UTF-8 (overlong forms,
 * encoded surrogates, truncated sequences, code points past U+10FFFF) and unpaired surrogates, raw in a Java string
 * or written as {@code \}{@code uD800} escapes. I-JSON (RFC 7493, section 2.1) forbids both; Jackson accepts some of
 * them, and a string holding an unpaired surrogate comes back as {@code ?} once encoded, silently changing data.
 *
 * <p>One pass, no allocation. Bytes are read eight at a time, so plain ASCII without backslashes costs a few
 * instructions per word. A backslash outside a string is malformed JSON, which the parser reports; the scan
 * only has to be exact inside strings.
 */
public final class Unicode {

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final long ONES = 0x0101010101010101L;
  private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;

  private Unicode() {}

  /**
   * Offset of the first invalid byte sequence or unpaired surrogate escape in {@code utf8[from, to)}, or -1 when
   * there is none. The byte at the offset tells which: {@code '\\'} for an escape, anything else for bad UTF-8.
   */
  public static int firstProblem(byte[] utf8, int from, int to) {
    int i = from;
    while (i < to) {
      if (i + 8 <= to) {
        long word = (long) LONGS.get(utf8, i);
        long x = word ^ BACKSLASHES;
        if (((word | ((x - ONES) & ~x)) & HIGH_BITS) == 0) {
          i += 8; // ASCII and no backslash
          continue;
        }
      }
      int b = utf8[i];
      if (b >= 0) {
        if (b == '\\') {
          int next = escape(utf8, i, to);
          if (next < 0) {
            return i;
          }
          i = next;
        } else {
          i++;
        }
        continue;
      }
      int next = sequence(utf8, i, to);
      if (next < 0) {
        return i;
      }
      i = next;
    }
    return -1;
  }

  /** True when {@link #firstProblem(byte[], int, int)} found a surrogate escape rather than bad UTF-8. */
  public static boolean isEscape(byte[] utf8, int offset) {
    return utf8[offset] == '\\';
  }

  /** Offset of the first unpaired surrogate in {@code text}, raw or escaped, or -1 when there is none. */
  public static int firstProblem(CharSequence text) {
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        int unit = hex4(text, i + 2, length);
        if (i + 1 < length && text.charAt(i + 1) == 'u' && unit >= 0) {
          if (Character.isHighSurrogate((char) unit)) {
            int low = i + 7 < length && text.charAt(i + 6) == '\\' && text.charAt(i + 7) == 'u'
                ? hex4(text, i + 8, length) : -1;
            if (low < 0 || !Character.isLowSurrogate((char) low)) {
              return i;
            }
            i += 11;
          } else if (Character.isLowSurrogate((char) unit)) {
            return i;
          } else {
            i += 5;
          }
        } else {
          i++; // an escaped character such as \\ or \"; never the start of another escape
        }
      } else if (Character.isHighSurrogate(c)) {
        if (i + 1 >= length || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return i;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /** True when {@code s} holds an unpaired surrogate (decoded text, escapes already resolved). */
  public static boolean hasLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isSurrogate(c)) {
        if (!Character.isHighSurrogate(c) || i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return true;
        }
        i++;
      }
    }
    return false;
  }

  /** After the escape at {@code i}: the next offset, or -1 for an unpaired surrogate. */
  private static int escape(byte[] b, int i, int to) {
    if (i + 1 >= to || b[i + 1] != 'u') {
      return i + 2; // \\, \" and the like: the escaped byte is not a backslash that starts an escape
    }
    int unit = hex4(b, i + 2, to);
    if (unit < 0) {
      return i + 2; // malformed: the parser reports it
    }
    if (Character.isHighSurrogate((char) unit)) {
      int low = i + 7 < to && b[i + 6] == '\\' && b[i + 7] == 'u' ? hex4(b, i + 8, to) : -1;
      return low >= 0 && Character.isLowSurrogate((char) low) ? i + 12 : -1;
    }
    return Character.isLowSurrogate((char) unit) ? -1 : i + 6;
  }

  /** Well-formed UTF-8 (Unicode table 3-7) starting with the non-ASCII byte at {@code i}: next offset, or -1. */
  private static int sequence(byte[] b, int i, int to) {
    int lead = b[i] & 0xFF;
    int count;
    int min = 0x80;
    int max = 0xBF; // range of the first continuation byte
    if (lead >= 0xC2 && lead <= 0xDF) {
      count = 1;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      count = 2;
      if (lead == 0xE0) {
        min = 0xA0; // overlong below
      } else if (lead == 0xED) {
        max = 0x9F; // surrogates
      }
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      count = 3;
      if (lead == 0xF0) {
        min = 0x90;
      } else if (lead == 0xF4) {
        max = 0x8F; // past U+10FFFF
      }
    } else {
      return -1;
    }
    if (i + count >= to) {
      return -1;
    }
    int first = b[i + 1] & 0xFF;
    if (first < min || first > max) {
      return -1;
    }
    for (int k = 2; k <= count; k++) {
      if ((b[i + k] & 0xC0) != 0x80) {
        return -1;
      }
    }
    return i + count + 1;
  }

  private static int hex4(byte[] b, int at, int to) {
    if (at + 4 > to) {
      return -1;
    }
    int v = 0;
    for (int k = at; k < at + 4; k++) {
      int d = Character.digit(b[k], 16);
      if (d < 0) {
        return -1;
      }
      v = v << 4 | d;
    }
    return v;
  }

  private static int hex4(CharSequence s, int at, int length) {
    if (at + 4 > length) {
      return -1;
    }
    int v = 0;
    for (int k = at; k < at + 4; k++) {
      char c = s.charAt(k);
      int d = c < 0x80 ? Character.digit(c, 16) : -1;
      if (d < 0) {
        return -1;
      }
      v = v << 4 | d;
    }
    return v;
  }
}
