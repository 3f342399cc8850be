package dev.streamer.core.validation;

import java.net.IDN;
import java.util.regex.Pattern;

/**
 * Hibernate Validator's {@code @Email} rules, re-expressed without nested quantifiers so that no input can make
 * the match backtrack catastrophically: {@code local@domain}, split at the last {@code @}; a local part of at most
 * 64 characters made of dot-separated atoms or quoted strings; a domain of dot-separated labels (no leading or
 * trailing dash, at most 63 characters each, at most 255 in ASCII form), or an IPv4 literal ({@code [1.2.3.4]},
 * octets not range-checked, as there) or IPv6 literal ({@code [IPv6:::1]}) in brackets.
 * Non-ASCII letters are accepted in both parts (internationalized addresses). The empty string is valid.
 *
 * <p>ASCII parts, nearly every address, are checked by hand in one pass without allocating; the regexes (the
 * definition, and the test oracle) and {@link IDN} serve only non-ASCII parts and address literals. Every path is
 * linear in the input's length.
 */
final class EmailAddress {

  private static final int MAX_LOCAL_PART_LENGTH = 64;
  private static final int MAX_DOMAIN_LENGTH = 255;
  private static final int MAX_LABEL_LENGTH = 63;
  /** Generous: the longest canonical decomposition in Unicode is four code points. */
  private static final int COMPOSITION_BOUND = 8;

  private static final String ATOM = "[a-z0-9!#$%&'*+/=?^_`{|}~\\u0080-\\uFFFF-]++";
  private static final String QUOTED =
      "\"(?:[a-z0-9!#$%&'*.(),<>\\[\\]:; @+/=?^_`{|}~\\u0080-\\uFFFF-]|\\\\\\\\|\\\\\")++\"";
  private static final String WORD = "(?:" + ATOM + "|" + QUOTED + ")";
  private static final Pattern LOCAL_PART =
      Pattern.compile(WORD + "(?:\\." + WORD + ")*+", Pattern.CASE_INSENSITIVE);

  private static final String LABEL_CHARS = "[a-z0-9!#$%&'*+/=?^_`{|}~\\u0080-\\uFFFF]++";
  private static final String LABEL = LABEL_CHARS + "(?:-++" + LABEL_CHARS + ")*+";
  private static final Pattern DOMAIN = Pattern.compile(LABEL + "(?:\\." + LABEL + ")*+", Pattern.CASE_INSENSITIVE);

  private static final Pattern IPV4_LITERAL = Pattern.compile("\\[[0-9]{1,3}(?:\\.[0-9]{1,3}){3}\\]");
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-f:]++", Pattern.CASE_INSENSITIVE);
  private static final Pattern IPV6_GROUP = Pattern.compile("[0-9a-f]{1,4}", Pattern.CASE_INSENSITIVE);
  private static final Pattern IPV6_LINK_LOCAL_WITH_ZONE =
      Pattern.compile("fe80:(?::[0-9a-f]{0,4}){0,4}%[0-9a-z]++", Pattern.CASE_INSENSITIVE);
  private static final Pattern IPV4_TAIL = Pattern.compile("(?:(?:25[0-5]|2[0-4][0-9]|1?[0-9]{1,2})\\.){3}"
      + "(?:25[0-5]|2[0-4][0-9]|1?[0-9]{1,2})");

  private EmailAddress() {}

  static boolean isValid(String s) {
    if (s.isEmpty()) {
      return true;
    }
    int at = s.lastIndexOf('@');
    if (at < 0 || at > MAX_LOCAL_PART_LENGTH) {
      return false;
    }
    boolean local = isAscii(s, 0, at) ? isAsciiLocalPart(s, 0, at) : LOCAL_PART.matcher(s.substring(0, at)).matches();
    if (!local) {
      return false;
    }
    int from = at + 1;
    if (from < s.length() && s.charAt(from) == '[') {
      return isAddressLiteral(s.substring(from));
    }
    return isAscii(s, from, s.length()) ? isAsciiDomain(s, from, s.length())
        : isInternationalDomain(s.substring(from));
  }

  // ---------------------------------------------------------------- ASCII: by hand, the regexes' exact language

  /** {@code word ("." word)*}, word = atom characters, or a non-empty quoted string with \\ and \" escapes. */
  private static boolean isAsciiLocalPart(String s, int from, int to) {
    int i = from;
    while (true) {
      if (i == to) {
        return false; // empty word
      }
      if (s.charAt(i) == '"') {
        int items = 0;
        i++;
        while (i < to && s.charAt(i) != '"') {
          char c = s.charAt(i);
          if (c == '\\') {
            if (i + 1 >= to || (s.charAt(i + 1) != '\\' && s.charAt(i + 1) != '"')) {
              return false;
            }
            i += 2;
          } else if (isQuotedChar(c)) {
            i++;
          } else {
            return false;
          }
          items++;
        }
        if (i == to || items == 0) {
          return false;
        }
        i++; // closing quote
      } else {
        int start = i;
        while (i < to && isAtomChar(s.charAt(i))) {
          i++;
        }
        if (i == start) {
          return false;
        }
      }
      if (i == to) {
        return true;
      }
      if (s.charAt(i) != '.') {
        return false;
      }
      i++;
    }
  }

  /**
   * Dot-separated labels of label characters with inner dashes; at most 63 characters each and 255 in all, which is
   * what {@link IDN#toASCII} checks of an ASCII name (it leaves ASCII labels as they are).
   */
  private static boolean isAsciiDomain(String s, int from, int to) {
    if (to - from > MAX_DOMAIN_LENGTH) {
      return false;
    }
    int i = from;
    while (true) {
      int start = i;
      if (i == to || !isLabelChar(s.charAt(i))) {
        return false;
      }
      char c;
      while (i < to && (isLabelChar(c = s.charAt(i)) || c == '-')) {
        i++;
      }
      if (s.charAt(i - 1) == '-' || i - start > MAX_LABEL_LENGTH) {
        return false;
      }
      if (i == to) {
        return true;
      }
      if (s.charAt(i) != '.') {
        return false;
      }
      i++;
    }
  }

  private static boolean isAscii(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** ASCII letters and digits, and {@value #ATOM_SYMBOLS}. */
  private static boolean isAtomChar(char c) {
    return c < 0x80 && (ATOM_CHARS[c >> 6] & (1L << c)) != 0;
  }

  private static boolean isQuotedChar(char c) {
    return c < 0x80 && (QUOTED_CHARS[c >> 6] & (1L << c)) != 0;
  }

  private static boolean isLabelChar(char c) {
    return c != '-' && isAtomChar(c);
  }

  private static final String ATOM_SYMBOLS = "!#$%&'*+/=?^_`{|}~-";
  private static final long[] ATOM_CHARS = asciiSet(ATOM_SYMBOLS);
  private static final long[] QUOTED_CHARS = asciiSet(ATOM_SYMBOLS + ".(),<>[]:; @");

  private static long[] asciiSet(String symbols) {
    long[] set = new long[2];
    String all = symbols + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    for (int i = 0; i < all.length(); i++) {
      char c = all.charAt(i);
      set[c >> 6] |= 1L << c;
    }
    return set;
  }

  // ---------------------------------------------------------------- literals and international names: regexes

  private static boolean isAddressLiteral(String domain) {
    if (IPV4_LITERAL.matcher(domain).matches()) {
      return true;
    }
    if (domain.regionMatches(true, 0, "[IPv6:", 0, 6) && domain.endsWith("]")) {
      String address = domain.substring(6, domain.length() - 1);
      return isIpv6(address) || IPV6_LINK_LOCAL_WITH_ZONE.matcher(address).matches();
    }
    return false;
  }

  private static boolean isInternationalDomain(String domain) {
    if (!DOMAIN.matcher(domain).matches() || surelyTooLong(domain)) {
      return false;
    }
    try {
      return IDN.toASCII(domain).length() <= MAX_DOMAIN_LENGTH; // also rejects labels over 63 characters
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * True only for a name {@link IDN#toASCII} would reject as too long, found without running it: its cost grows
   * with the square of a label's length (Punycode), and its normalization can sort long runs of combining marks.
   * Nameprep maps only the RFC 3454 table B.1 characters to nothing; anything else leaves at least one character
   * per {@value #COMPOSITION_BOUND} (no canonical composition merges more), and each survives as at least one
   * character of the ASCII form.
   */
  private static boolean surelyTooLong(String domain) {
    int total = 0;
    int label = 0;
    for (int i = 0; i < domain.length(); i++) {
      char c = domain.charAt(i);
      if (c == '.' || c == '\u3002' || c == '\uFF0E' || c == '\uFF61') { // IDN's label separators
        total += (label + COMPOSITION_BOUND - 1) / COMPOSITION_BOUND;
        label = 0;
      } else if (!mapsToNothing(c)) {
        label++;
        if (label > MAX_LABEL_LENGTH * COMPOSITION_BOUND) {
          return true;
        }
      }
    }
    total += (label + COMPOSITION_BOUND - 1) / COMPOSITION_BOUND;
    return total > MAX_DOMAIN_LENGTH;
  }

  /** RFC 3454 table B.1 (all in the BMP). */
  private static boolean mapsToNothing(char c) {
    return c == '\u00AD' || c == '\u034F' || c == '\u1806' || (c >= '\u180B' && c <= '\u180D')
        || (c >= '\u200B' && c <= '\u200D') || c == '\u2060' || (c >= '\uFE00' && c <= '\uFE0F') || c == '\uFEFF';
  }

  /**
   * Eight hex groups, or fewer with one {@code ::}; an IPv4 tail may stand for the last two groups (RFC 4291, a
   * little wider than Hibernate, which takes IPv4 tails only after {@code ::}).
   */
  static boolean isIpv6(String s) {
    int groups = 8;
    int lastColon = s.lastIndexOf(':');
    if (lastColon >= 0 && s.indexOf('.', lastColon) > 0) {
      if (!IPV4_TAIL.matcher(s.substring(lastColon + 1)).matches()) {
        return false;
      }
      groups = 6;
      s = s.substring(0, lastColon + 1); // keep a "::" before the tail, drop a single separating ':'
      if (!s.endsWith("::")) {
        s = s.substring(0, s.length() - 1);
      }
    }
    if (!s.isEmpty() && !IPV6_CHARS.matcher(s).matches()) {
      return false;
    }
    int gap = s.indexOf("::");
    if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
      return false;
    }
    if (gap < 0) {
      return countGroups(s) == groups;
    }
    int left = countGroups(s.substring(0, gap));
    int right = countGroups(s.substring(gap + 2));
    return left >= 0 && right >= 0 && left + right < groups;
  }

  /** Number of colon-separated hex groups in {@code s} ("" has none), or -1 if one is malformed. */
  private static int countGroups(String s) {
    if (s.isEmpty()) {
      return 0;
    }
    String[] parts = s.split(":", -1);
    for (String part : parts) {
      if (!IPV6_GROUP.matcher(part).matches()) {
        return -1;
      }
    }
    return parts.length;
  }
}
