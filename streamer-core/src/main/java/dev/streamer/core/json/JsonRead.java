package dev.streamer.core.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Static readers called by generated decoders.
 *
 * <p>Every reader takes a parser positioned on the value's first token (the caller already called
 * {@code nextToken()}) and leaves it on the value's last token ({@code END_ARRAY} for a list), as Jackson does.
 * Reference readers return {@code null} for JSON {@code null}; primitive readers reject it. Every decoding fault
 * is a {@link JsonDecodeException} carrying the JSON path of the offending value and a client-safe message. The
 * factories of one ({@link #missing}, {@link #wrongType}, {@link #unknownEnum}) return it typed as
 * {@code RuntimeException}, to be thrown: see {@link JsonDecodeException#of}.
 *
 * <p>Not caught here, on purpose: Jackson's {@code JsonParseException} (malformed JSON) and
 * {@code StreamConstraintsException} (input beyond the limits of {@link Json#FACTORY}: nesting, number or string
 * length). They propagate to the router, which maps them to a typed error.
 *
 * <p>Stateless and thread-safe. Paths are computed from the parser's context only when a fault is reported.
 */
public final class JsonRead implements JsonReader<Object> {

  public static final JsonReader<String> STRING = scalar(0);
  public static final JsonReader<Integer> INT = scalar(1);
  public static final JsonReader<Long> LONG = scalar(2);
  public static final JsonReader<Short> SHORT = scalar(3);
  public static final JsonReader<Byte> BYTE = scalar(4);
  public static final JsonReader<Character> CHAR = scalar(5);
  public static final JsonReader<Double> DOUBLE = scalar(6);
  public static final JsonReader<Float> FLOAT = scalar(7);
  public static final JsonReader<Boolean> BOOLEAN = scalar(8);
  public static final JsonReader<BigDecimal> BIG_DECIMAL = scalar(9);
  public static final JsonReader<BigInteger> BIG_INTEGER = scalar(10);
  public static final JsonReader<java.util.UUID> UUID = scalar(11);
  public static final JsonReader<Instant> INSTANT = scalar(12);
  public static final JsonReader<LocalDate> LOCAL_DATE = scalar(13);
  public static final JsonReader<OffsetDateTime> OFFSET_DATE_TIME = scalar(14);
  public static final JsonReader<Duration> DURATION = scalar(15);
  public static final JsonReader<Object> ANY = scalar(16);

  /**
   * The reader of scalar kind {@code kind}: an instance of this class, where method references would spin a class
   * each when {@code JsonRead} is first used, and a reader class of its own would be one class more to load at every
   * cold start (the constants are made when a decoder first calls any helper here).
   */
  @SuppressWarnings("unchecked")
  private static <T> JsonReader<T> scalar(int kind) {
    return (JsonReader<T>) new JsonRead(kind);
  }

  /** Which scalar this instance reads (a constant above). */
  private final int kind;

  private JsonRead(int kind) {
    this.kind = kind;
  }

  /** Reads the scalar of this constant ({@link #STRING}, {@link #INT}, …). */
  @Override
  public Object read(JsonParser parser) throws IOException {
    return switch (kind) {
      case 0 -> string(parser);
      case 1 -> intBox(parser);
      case 2 -> longBox(parser);
      case 3 -> shortBox(parser);
      case 4 -> byteBox(parser);
      case 5 -> charBox(parser);
      case 6 -> doubleBox(parser);
      case 7 -> floatBox(parser);
      case 8 -> booleanBox(parser);
      case 9 -> bigDecimal(parser);
      case 10 -> bigInteger(parser);
      case 11 -> uuid(parser);
      case 12 -> instant(parser);
      case 13 -> localDate(parser);
      case 14 -> offsetDateTime(parser);
      case 15 -> duration(parser);
      case 16 -> any(parser);
      default -> throw new IllegalStateException("no scalar reader " + kind);
    };
  }

  /** Longest client literal echoed back in a message; longer ones are left out. */
  private static final int MAX_ECHO = 40;

  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  // ---------------------------------------------------------------- parsers

  public static JsonParser parser(String json) throws IOException {
    return Json.FACTORY.createParser(json);
  }

  public static JsonParser parser(byte[] json) throws IOException {
    return Json.FACTORY.createParser(json);
  }

  // ---------------------------------------------------------------- paths and errors

  /** JSON path of the current value, such as {@code items[2].quantity}; the root value is {@code ""}. */
  public static String path(JsonParser p) {
    JsonStreamContext ctx = p.getParsingContext();
    JsonToken t = p.currentToken();
    if (ctx != null && (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY)) {
      ctx = ctx.getParent(); // Jackson has already entered the new container
    }
    return render(ctx);
  }

  /**
   * Requires the start of an object; JSON {@code null} is the caller's to handle first. {@code typeName} (the
   * record being decoded) is deliberately kept out of the client message, which names only JSON types.
   */
  public static void startObject(JsonParser p, String typeName) {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw wrongType(p, "an object");
    }
  }

  /**
   * A required field absent from the object the parser is in or has just closed (normally called on the
   * record's {@code END_OBJECT}).
   */
  public static RuntimeException missing(JsonParser p, String field) {
    JsonStreamContext ctx = p.getParsingContext();
    JsonToken t = p.currentToken();
    String objectPath;
    if (t == JsonToken.END_OBJECT) {
      objectPath = render(ctx); // Jackson has already left the object
    } else if (t == JsonToken.START_OBJECT || (ctx != null && ctx.inObject())) {
      objectPath = render(ctx == null ? null : ctx.getParent());
    } else {
      objectPath = path(p);
    }
    return JsonDecodeException.of(child(objectPath, field), "is required");
  }

  /** The current value is not of the {@code expected} JSON type, such as {@code "an integer"}. */
  public static RuntimeException wrongType(JsonParser p, String expected) {
    return JsonDecodeException.of(path(p), "expected " + expected + " but got " + describe(p.currentToken()));
  }

  /** A string that names none of an enum's constants, listed in {@code allowedCommaSeparated}. */
  public static RuntimeException unknownEnum(JsonParser p, String value, String allowedCommaSeparated) {
    String got = value != null && value.length() <= MAX_ECHO ? " \"" + value + "\"" : "";
    return JsonDecodeException.of(path(p),
        "unknown value" + got + "; expected one of: " + allowedCommaSeparated);
  }

  /** Skips the current value, children included (for unknown fields). */
  public static void skipValue(JsonParser p) throws IOException {
    p.skipChildren();
  }

  // ---------------------------------------------------------------- strings and booleans

  public static String string(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    throw wrongType(p, "a string");
  }

  public static boolean booleanValue(JsonParser p) throws IOException {
    Boolean b = booleanBox(p);
    if (b == null) {
      throw mustNotBeNull(p);
    }
    return b;
  }

  public static Boolean booleanBox(JsonParser p) throws IOException {
    switch (token(p)) {
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw wrongType(p, "a boolean");
    }
  }

  public static char charValue(JsonParser p) throws IOException {
    Character c = charBox(p);
    if (c == null) {
      throw mustNotBeNull(p);
    }
    return c;
  }

  /** A string of exactly one UTF-16 unit; a surrogate pair (such as most emoji) does not fit a {@code char}. */
  public static Character charBox(JsonParser p) throws IOException {
    String s = string(p, "a single character");
    if (s == null) {
      return null;
    }
    if (s.length() != 1) {
      throw JsonDecodeException.of(path(p), "expected a single character but got " + s.length() + " characters");
    }
    return s.charAt(0);
  }

  // ---------------------------------------------------------------- integral numbers

  public static int intValue(JsonParser p) throws IOException {
    Integer v = intBox(p);
    if (v == null) {
      throw mustNotBeNull(p);
    }
    return v;
  }

  public static Integer intBox(JsonParser p) throws IOException {
    if (!integer(p)) {
      return null;
    }
    if (p.getNumberType() != JsonParser.NumberType.INT) {
      throw outOfRange(p, "int");
    }
    return p.getIntValue();
  }

  public static long longValue(JsonParser p) throws IOException {
    Long v = longBox(p);
    if (v == null) {
      throw mustNotBeNull(p);
    }
    return v;
  }

  public static Long longBox(JsonParser p) throws IOException {
    if (!integer(p)) {
      return null;
    }
    JsonParser.NumberType type = p.getNumberType();
    if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
      return p.getLongValue();
    }
    // Jackson reports some literals just past the long range as BIG_INTEGER; decide exactly.
    BigInteger big = p.getBigIntegerValue();
    if (big.compareTo(LONG_MIN) < 0 || big.compareTo(LONG_MAX) > 0) {
      throw outOfRange(p, "long");
    }
    return big.longValue();
  }

  public static short shortValue(JsonParser p) throws IOException {
    Short v = shortBox(p);
    if (v == null) {
      throw mustNotBeNull(p);
    }
    return v;
  }

  public static Short shortBox(JsonParser p) throws IOException {
    Integer v = boundedInt(p, Short.MIN_VALUE, Short.MAX_VALUE, "short");
    return v == null ? null : v.shortValue();
  }

  public static byte byteValue(JsonParser p) throws IOException {
    Byte v = byteBox(p);
    if (v == null) {
      throw mustNotBeNull(p);
    }
    return v;
  }

  public static Byte byteBox(JsonParser p) throws IOException {
    Integer v = boundedInt(p, Byte.MIN_VALUE, Byte.MAX_VALUE, "byte");
    return v == null ? null : v.byteValue();
  }

  /** Integers only: {@code 1.5} and {@code 1e3} are the wrong type. */
  public static BigInteger bigInteger(JsonParser p) throws IOException {
    if (!integer(p)) {
      return null;
    }
    return p.getBigIntegerValue();
  }

  // ---------------------------------------------------------------- other numbers

  /** Any JSON number with a scale within {@link Json#MAX_DECIMAL_SCALE}; strings are the wrong type. */
  public static BigDecimal bigDecimal(JsonParser p) throws IOException {
    if (!number(p)) {
      return null;
    }
    return boundedScale(p, p.getDecimalValue());
  }

  public static double doubleValue(JsonParser p) throws IOException {
    Double v = doubleBox(p);
    if (v == null) {
      throw mustNotBeNull(p);
    }
    return v;
  }

  /**
   * Any JSON number that fits a double; one that would round to infinity is out of range. As in Java, a number
   * too small for a double ({@code 1e-400}) rounds to zero.
   */
  public static Double doubleBox(JsonParser p) throws IOException {
    if (!number(p)) {
      return null;
    }
    double d = p.getDoubleValue();
    if (Double.isInfinite(d)) {
      throw outOfRange(p, "double");
    }
    return d;
  }

  public static float floatValue(JsonParser p) throws IOException {
    Float v = floatBox(p);
    if (v == null) {
      throw mustNotBeNull(p);
    }
    return v;
  }

  public static Float floatBox(JsonParser p) throws IOException {
    if (!number(p)) {
      return null;
    }
    float f = p.getFloatValue();
    if (Float.isInfinite(f)) {
      throw outOfRange(p, "float");
    }
    return f;
  }

  // ---------------------------------------------------------------- text formats

  /** Canonical form only ({@code 8-4-4-4-12} hex digits), unlike the lenient {@link java.util.UUID#fromString}. */
  public static java.util.UUID uuid(JsonParser p) throws IOException {
    String s = string(p, "a UUID string");
    if (s == null) {
      return null;
    }
    if (!isCanonicalUuid(s)) {
      throw JsonDecodeException.of(path(p), "expected a UUID such as 123e4567-e89b-12d3-a456-426614174000");
    }
    return java.util.UUID.fromString(s);
  }

  public static Instant instant(JsonParser p) throws IOException {
    String s = string(p, "an ISO-8601 instant string");
    if (s == null) {
      return null;
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw JsonDecodeException.of(path(p), "expected an ISO-8601 instant such as 2024-01-31T10:15:30Z");
    }
  }

  public static LocalDate localDate(JsonParser p) throws IOException {
    String s = string(p, "an ISO-8601 date string");
    if (s == null) {
      return null;
    }
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw JsonDecodeException.of(path(p), "expected an ISO-8601 date such as 2024-01-31");
    }
  }

  public static OffsetDateTime offsetDateTime(JsonParser p) throws IOException {
    String s = string(p, "an ISO-8601 date-time string");
    if (s == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s);
    } catch (DateTimeParseException e) {
      throw JsonDecodeException.of(path(p),
          "expected an ISO-8601 date-time with offset such as 2024-01-31T10:15:30+01:00");
    }
  }

  public static Duration duration(JsonParser p) throws IOException {
    String s = string(p, "an ISO-8601 duration string");
    if (s == null) {
      return null;
    }
    try {
      return Duration.parse(s);
    } catch (DateTimeParseException | ArithmeticException e) {
      throw JsonDecodeException.of(path(p), "expected an ISO-8601 duration such as PT5S");
    }
  }

  // ---------------------------------------------------------------- any JSON

  /**
   * Any JSON value as plain Java: {@link LinkedHashMap}, {@link ArrayList}, {@link String}, {@link Integer},
   * {@link Long} or {@link BigInteger} (the smallest that fits), {@link Double} (or {@link BigDecimal} when the
   * number is beyond double's range, within {@link Json#MAX_DECIMAL_SCALE}), {@link Boolean}, or {@code null}.
   */
  public static Object any(JsonParser p) throws IOException {
    switch (token(p)) {
      case START_OBJECT: {
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          map.put(name, any(p));
        }
        return map;
      }
      case START_ARRAY: {
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(any(p));
        }
        return list;
      }
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        return p.getNumberValue(); // Integer, Long or BigInteger, the smallest that fits
      case VALUE_NUMBER_FLOAT: {
        double d = p.getDoubleValue();
        return Double.isInfinite(d) ? boundedScale(p, p.getDecimalValue()) : (Object) d;
      }
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw wrongType(p, "a JSON value");
    }
  }

  // ---------------------------------------------------------------- containers

  /** A JSON array; {@code null} reads as {@code null}, and elements are whatever {@code element} returns. */
  public static <T> List<T> list(JsonParser p, JsonReader<T> element) throws IOException {
    if (!startArray(p)) {
      return null;
    }
    List<T> list = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      list.add(element.read(p));
    }
    return list;
  }

  /** A JSON array as a {@link LinkedHashSet}: encounter order kept, duplicates merged. */
  public static <T> Set<T> set(JsonParser p, JsonReader<T> element) throws IOException {
    if (!startArray(p)) {
      return null;
    }
    Set<T> set = new LinkedHashSet<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      set.add(element.read(p));
    }
    return set;
  }

  /** A JSON object as a {@link LinkedHashMap}; a repeated key keeps its last value. */
  public static <T> Map<String, T> map(JsonParser p, JsonReader<T> value) throws IOException {
    JsonToken t = token(p);
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.START_OBJECT) {
      throw wrongType(p, "an object");
    }
    Map<String, T> map = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      p.nextToken();
      map.put(key, value.read(p));
    }
    return map;
  }

  /** JSON {@code null} (or a reader returning {@code null}) is {@link Optional#empty()}. */
  public static <T> Optional<T> optional(JsonParser p, JsonReader<T> value) throws IOException {
    if (token(p) == JsonToken.VALUE_NULL) {
      return Optional.empty();
    }
    return Optional.ofNullable(value.read(p));
  }

  public static <T> T[] array(JsonParser p, JsonReader<T> element, IntFunction<T[]> newArray) throws IOException {
    List<T> list = list(p, element);
    return list == null ? null : list.toArray(newArray.apply(list.size()));
  }

  public static int[] intArray(JsonParser p) throws IOException {
    return primitiveArray(p, int[]::new, (q, a, i) -> a[i] = intValue(q));
  }

  public static long[] longArray(JsonParser p) throws IOException {
    return primitiveArray(p, long[]::new, (q, a, i) -> a[i] = longValue(q));
  }

  public static short[] shortArray(JsonParser p) throws IOException {
    return primitiveArray(p, short[]::new, (q, a, i) -> a[i] = shortValue(q));
  }

  /** A JSON array of numbers from -128 to 127, not base64. */
  public static byte[] byteArray(JsonParser p) throws IOException {
    return primitiveArray(p, byte[]::new, (q, a, i) -> a[i] = byteValue(q));
  }

  public static double[] doubleArray(JsonParser p) throws IOException {
    return primitiveArray(p, double[]::new, (q, a, i) -> a[i] = doubleValue(q));
  }

  public static float[] floatArray(JsonParser p) throws IOException {
    return primitiveArray(p, float[]::new, (q, a, i) -> a[i] = floatValue(q));
  }

  public static boolean[] booleanArray(JsonParser p) throws IOException {
    return primitiveArray(p, boolean[]::new, (q, a, i) -> a[i] = booleanValue(q));
  }

  /** A JSON string, not an array. */
  public static char[] charArray(JsonParser p) throws IOException {
    String s = string(p);
    return s == null ? null : s.toCharArray();
  }

  // ---------------------------------------------------------------- internals

  private static JsonToken token(JsonParser p) {
    JsonToken t = p.currentToken();
    return t == null ? JsonToken.NOT_AVAILABLE : t;
  }

  /** A string (true), null (false), or a wrong type described as {@code expected}. */
  private static String string(JsonParser p, String expected) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    throw wrongType(p, expected);
  }

  /** On an integer literal (true) or null (false); anything else is the wrong type. */
  private static boolean integer(JsonParser p) {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT) {
      return true;
    }
    if (t == JsonToken.VALUE_NULL) {
      return false;
    }
    throw wrongType(p, "an integer");
  }

  /** On any number literal (true) or null (false); anything else is the wrong type. */
  private static boolean number(JsonParser p) {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      return true;
    }
    if (t == JsonToken.VALUE_NULL) {
      return false;
    }
    throw wrongType(p, "a number");
  }

  /** Reads the current element into {@code array[index]}; one per primitive type, so that nothing is boxed. */
  private interface ElementReader<A> {
    void read(JsonParser p, A array, int index) throws IOException;
  }

  /** A JSON array into a primitive array {@code A}, grown by doubling; null reads as null. */
  private static <A> A primitiveArray(JsonParser p, IntFunction<A> newArray, ElementReader<A> element)
      throws IOException {
    if (!startArray(p)) {
      return null;
    }
    int capacity = 8;
    A array = newArray.apply(capacity);
    int n = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (n == capacity) {
        A bigger = newArray.apply(capacity *= 2);
        System.arraycopy(array, 0, bigger, 0, n);
        array = bigger;
      }
      element.read(p, array, n++);
    }
    A exact = newArray.apply(n);
    System.arraycopy(array, 0, exact, 0, n);
    return exact;
  }

  /** On an array start (true) or null (false); anything else is the wrong type. */
  private static boolean startArray(JsonParser p) {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_ARRAY) {
      return true;
    }
    if (t == JsonToken.VALUE_NULL) {
      return false;
    }
    throw wrongType(p, "an array");
  }

  private static Integer boundedInt(JsonParser p, int min, int max, String type) throws IOException {
    if (!integer(p)) {
      return null;
    }
    if (p.getNumberType() != JsonParser.NumberType.INT) {
      throw outOfRange(p, type);
    }
    int v = p.getIntValue();
    if (v < min || v > max) {
      throw outOfRange(p, type);
    }
    return v;
  }

  private static BigDecimal boundedScale(JsonParser p, BigDecimal v) throws IOException {
    if (Math.abs(v.scale()) > Json.MAX_DECIMAL_SCALE) {
      throw outOfRange(p, "decimal");
    }
    return v;
  }

  private static RuntimeException outOfRange(JsonParser p, String type) throws IOException {
    String text = p.getText();
    String value = text != null && text.length() <= MAX_ECHO ? "value " + text : "value";
    return JsonDecodeException.of(path(p), value + " is out of range for " + type);
  }

  private static RuntimeException mustNotBeNull(JsonParser p) {
    return JsonDecodeException.of(path(p), "must not be null");
  }

  private static boolean isCanonicalUuid(String s) {
    if (s.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = s.charAt(i);
      if (i == 8 || i == 13 || i == 18 || i == 23) {
        if (c != '-') {
          return false;
        }
      } else if (Character.digit(c, 16) < 0 || c > 'f') {
        return false; // Character.digit also accepts non-ASCII digits
      }
    }
    return true;
  }

  private static String describe(JsonToken t) {
    if (t == null) {
      return "the end of input";
    }
    switch (t) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case VALUE_STRING:
        return "a string";
      case VALUE_NUMBER_INT:
        return "an integer";
      case VALUE_NUMBER_FLOAT:
        return "a decimal number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      case VALUE_NULL:
        return "null";
      case END_OBJECT:
        return "the end of an object";
      case END_ARRAY:
        return "the end of an array";
      case FIELD_NAME:
        return "a field name";
      default:
        return "an unexpected token";
    }
  }

  /** Path of every context from the root down to {@code ctx}, each at its current name or index. */
  private static String render(JsonStreamContext ctx) {
    if (ctx == null || ctx.inRoot()) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    append(sb, ctx);
    return sb.toString();
  }

  private static void append(StringBuilder sb, JsonStreamContext ctx) {
    if (ctx == null || ctx.inRoot()) {
      return;
    }
    append(sb, ctx.getParent());
    if (ctx.inArray()) {
      sb.append('[').append(ctx.getCurrentIndex()).append(']');
    } else {
      String name = ctx.getCurrentName();
      if (name != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(name);
      }
    }
  }

  private static String child(String parent, String field) {
    return parent.isEmpty() ? field : parent + "." + field;
  }
}
