package dev.streamer.core.validation;

import java.net.IDN;
import java.util.regex.Pattern;

/** The regex-only implementation before issue 15, kept as the oracle of the hand-checked one.
 *
 * Hibernate Validator's {@code @Email} rules, re-expressed without nested quantifiers so that no input can make
 * the match backtrack catastrophically: {@code local@domain}, split at the last {@code @}; a local part of at most
 * 64 characters made of dot-separated atoms or quoted strings; a domain of dot-separated labels (no leading or
 * trailing dash, at most 63 characters each, at most 255 in ASCII form), or an IPv4 literal ({@code [1.2.3.4]},
 * octets not range-checked, as there) or IPv6 literal ({@code [IPv6:::1]}) in brackets.
 * Non-ASCII letters are accepted in both parts (internationalized addresses). The empty string is valid.
 */
final class RegexEmailAddress {

  private static final int MAX_LOCAL_PART_LENGTH = 64;
  private static final int MAX_DOMAIN_LENGTH = 255;

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

  private RegexEmailAddress() {}

  static boolean isValid(String s) {
    if (s.isEmpty()) {
      return true;
    }
    int at = s.lastIndexOf('@');
    if (at < 0) {
      return false;
    }
    String local = s.substring(0, at);
    String domain = s.substring(at + 1);
    return local.length() <= MAX_LOCAL_PART_LENGTH
        && LOCAL_PART.matcher(local).matches()
        && isValidDomain(domain);
  }

  private static boolean isValidDomain(String domain) {
    if (IPV4_LITERAL.matcher(domain).matches()) {
      return true;
    }
    if (domain.regionMatches(true, 0, "[IPv6:", 0, 6) && domain.endsWith("]")) {
      String address = domain.substring(6, domain.length() - 1);
      return isIpv6(address) || IPV6_LINK_LOCAL_WITH_ZONE.matcher(address).matches();
    }
    if (!DOMAIN.matcher(domain).matches()) {
      return false;
    }
    try {
      return IDN.toASCII(domain).length() <= MAX_DOMAIN_LENGTH; // also rejects labels over 63 characters
    } catch (IllegalArgumentException e) {
      return false;
    }
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
