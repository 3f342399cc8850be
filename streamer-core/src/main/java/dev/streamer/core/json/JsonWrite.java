package dev.streamer.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Static writers called by generated encoders. Reference writers write JSON {@code null} for {@code null};
 * {@code java.time} values and UUIDs are written as their ISO-8601 / canonical strings, which {@link JsonRead}
 * reads back.
 */
public final class JsonWrite implements JsonWriter<Object> {

  public static final JsonWriter<String> STRING = scalar(0);
  public static final JsonWriter<Integer> INT = scalar(1);
  public static final JsonWriter<Long> LONG = scalar(2);
  public static final JsonWriter<Short> SHORT = scalar(3);
  public static final JsonWriter<Byte> BYTE = scalar(4);
  public static final JsonWriter<Character> CHAR = scalar(5);
  public static final JsonWriter<Double> DOUBLE = scalar(6);
  public static final JsonWriter<Float> FLOAT = scalar(7);
  public static final JsonWriter<Boolean> BOOLEAN = scalar(8);
  public static final JsonWriter<BigDecimal> BIG_DECIMAL = scalar(9);
  public static final JsonWriter<BigInteger> BIG_INTEGER = scalar(10);
  public static final JsonWriter<java.util.UUID> UUID = scalar(11);
  public static final JsonWriter<Instant> INSTANT = scalar(12);
  public static final JsonWriter<LocalDate> LOCAL_DATE = scalar(13);
  public static final JsonWriter<OffsetDateTime> OFFSET_DATE_TIME = scalar(14);
  public static final JsonWriter<Duration> DURATION = scalar(15);
  public static final JsonWriter<Object> ANY = scalar(16);
  /** Writes JSON {@code null} whatever the value: the result of a {@code void} action. */
  public static final JsonWriter<Object> NULL = scalar(17);

  /** Which scalar this instance writes (a constant above). */
  private final int kind;

  private JsonWrite(int kind) {
    this.kind = kind;
  }

  /**
   * The writer of scalar kind {@code kind}: an instance of this class, where method references would spin a class
   * each when {@code JsonWrite} is first used, and a writer class of its own would be one class more to load at every
   * cold start (the constants are made when an encoder first calls any helper here).
   */
  @SuppressWarnings("unchecked")
  private static <T> JsonWriter<T> scalar(int kind) {
    return (JsonWriter<T>) new JsonWrite(kind);
  }

  /** Writes the scalar of this constant ({@link #STRING}, {@link #INT}, …). */
  @Override
  public void write(JsonGenerator generator, Object value) throws IOException {
    switch (kind) {
      case 0 -> string(generator, (String) value);
      case 1 -> intBox(generator, (Integer) value);
      case 2 -> longBox(generator, (Long) value);
      case 3 -> shortBox(generator, (Short) value);
      case 4 -> byteBox(generator, (Byte) value);
      case 5 -> charBox(generator, (Character) value);
      case 6 -> doubleBox(generator, (Double) value);
      case 7 -> floatBox(generator, (Float) value);
      case 8 -> booleanBox(generator, (Boolean) value);
      case 9 -> bigDecimal(generator, (BigDecimal) value);
      case 10 -> bigInteger(generator, (BigInteger) value);
      case 11 -> uuid(generator, (java.util.UUID) value);
      case 12 -> instant(generator, (Instant) value);
      case 13 -> localDate(generator, (LocalDate) value);
      case 14 -> offsetDateTime(generator, (OffsetDateTime) value);
      case 15 -> duration(generator, (Duration) value);
      case 16 -> any(generator, (Object) value);
      case 17 -> generator.writeNull();
      default -> throw new IllegalStateException("no scalar writer " + kind);
    }
  }


  /** Writes {@code value} with {@code writer} to a JSON string made by {@link Json#FACTORY}. */
  public static <T> String toJson(JsonWriter<T> writer, T value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      writer.write(g, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail; a writer's own fault surfaces here
    }
    return out.toString();
  }

  // ---------------------------------------------------------------- scalars

  public static void string(JsonGenerator g, String v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else {
      g.writeString(v);
    }
  }

  public static void charValue(JsonGenerator g, char v) throws IOException {
    g.writeString(String.valueOf(v));
  }

  public static void charBox(JsonGenerator g, Character v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else {
      charValue(g, v);
    }
  }

  public static void booleanBox(JsonGenerator g, Boolean v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else {
      g.writeBoolean(v);
    }
  }

  public static void intBox(JsonGenerator g, Integer v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else {
      g.writeNumber(v.intValue());
    }
  }

  public static void longBox(JsonGenerator g, Long v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else {
      g.writeNumber(v.longValue());
    }
  }

  public static void shortBox(JsonGenerator g, Short v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else {
      g.writeNumber(v.shortValue());
    }
  }

  public static void byteBox(JsonGenerator g, Byte v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else {
      g.writeNumber(v.intValue()); // as a number, never base64
    }
  }

  /** NaN and infinities have no JSON form; they are written as {@code null}. */
  public static void doubleValue(JsonGenerator g, double v) throws IOException {
    if (Double.isFinite(v)) {
      g.writeNumber(v);
    } else {
      g.writeNull();
    }
  }

  public static void doubleBox(JsonGenerator g, Double v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else {
      doubleValue(g, v);
    }
  }

  /** NaN and infinities have no JSON form; they are written as {@code null}. */
  public static void floatValue(JsonGenerator g, float v) throws IOException {
    if (Float.isFinite(v)) {
      g.writeNumber(v);
    } else {
      g.writeNull();
    }
  }

  public static void floatBox(JsonGenerator g, Float v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else {
      floatValue(g, v);
    }
  }

  public static void bigDecimal(JsonGenerator g, BigDecimal v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else {
      g.writeNumber(v);
    }
  }

  public static void bigInteger(JsonGenerator g, BigInteger v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else {
      g.writeNumber(v);
    }
  }

  public static void uuid(JsonGenerator g, java.util.UUID v) throws IOException {
    text(g, v);
  }

  public static void instant(JsonGenerator g, Instant v) throws IOException {
    text(g, v);
  }

  public static void localDate(JsonGenerator g, LocalDate v) throws IOException {
    text(g, v);
  }

  public static void offsetDateTime(JsonGenerator g, OffsetDateTime v) throws IOException {
    text(g, v);
  }

  public static void duration(JsonGenerator g, Duration v) throws IOException {
    text(g, v);
  }

  // ---------------------------------------------------------------- containers

  /** Any collection (list or set) as a JSON array, in iteration order. */
  public static <T> void list(JsonGenerator g, Collection<T> v, JsonWriter<T> element) throws IOException {
    if (v == null) {
      g.writeNull();
      return;
    }
    g.writeStartArray(v, v.size());
    for (T e : v) {
      element.write(g, e);
    }
    g.writeEndArray();
  }

  public static <T> void map(JsonGenerator g, Map<String, T> v, JsonWriter<T> value) throws IOException {
    if (v == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject(v, v.size());
    for (Map.Entry<String, T> e : v.entrySet()) {
      g.writeFieldName(String.valueOf(e.getKey())); // a null key is written as "null", as Jackson does
      value.write(g, e.getValue());
    }
    g.writeEndObject();
  }

  /** An empty (or null) optional is JSON {@code null}. */
  public static <T> void optional(JsonGenerator g, Optional<T> v, JsonWriter<T> value) throws IOException {
    if (v == null || v.isEmpty()) {
      g.writeNull();
    } else {
      value.write(g, v.get());
    }
  }

  public static <T> void array(JsonGenerator g, T[] v, JsonWriter<T> element) throws IOException {
    if (v == null) {
      g.writeNull();
      return;
    }
    g.writeStartArray(v, v.length);
    for (T e : v) {
      element.write(g, e);
    }
    g.writeEndArray();
  }

  public static void intArray(JsonGenerator g, int[] v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else {
      g.writeArray(v, 0, v.length);
    }
  }

  public static void longArray(JsonGenerator g, long[] v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else {
      g.writeArray(v, 0, v.length);
    }
  }

  public static void doubleArray(JsonGenerator g, double[] v) throws IOException {
    if (v == null) {
      g.writeNull();
      return;
    }
    g.writeStartArray(v, v.length);
    for (double d : v) {
      doubleValue(g, d);
    }
    g.writeEndArray();
  }

  public static void floatArray(JsonGenerator g, float[] v) throws IOException {
    if (v == null) {
      g.writeNull();
      return;
    }
    g.writeStartArray(v, v.length);
    for (float f : v) {
      floatValue(g, f);
    }
    g.writeEndArray();
  }

  public static void shortArray(JsonGenerator g, short[] v) throws IOException {
    if (v == null) {
      g.writeNull();
      return;
    }
    g.writeStartArray(v, v.length);
    for (short s : v) {
      g.writeNumber(s);
    }
    g.writeEndArray();
  }

  /** A JSON array of numbers, not base64, matching {@link JsonRead#byteArray}. */
  public static void byteArray(JsonGenerator g, byte[] v) throws IOException {
    if (v == null) {
      g.writeNull();
      return;
    }
    g.writeStartArray(v, v.length);
    for (byte b : v) {
      g.writeNumber(b);
    }
    g.writeEndArray();
  }

  public static void booleanArray(JsonGenerator g, boolean[] v) throws IOException {
    if (v == null) {
      g.writeNull();
      return;
    }
    g.writeStartArray(v, v.length);
    for (boolean b : v) {
      g.writeBoolean(b);
    }
    g.writeEndArray();
  }

  /** A JSON string, matching {@link JsonRead#charArray}. */
  public static void charArray(JsonGenerator g, char[] v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else {
      g.writeString(v, 0, v.length);
    }
  }

  // ---------------------------------------------------------------- any value

  /**
   * Writes a value of a type known only at run time: null, strings, numbers, booleans, characters, enums (by
   * {@code name()}), UUIDs, {@code java.time} values (ISO-8601 strings), optionals, maps (keys by
   * {@code toString()}), iterables, and arrays. Any other type, such as a POJO result, falls back to Jackson
   * databind ({@link DatabindFallback}), which is loaded only when first needed; jackson-databind is an optional
   * dependency of streamer-core, so without it such a value fails with an {@link IllegalStateException} that names
   * the type (add {@code com.fasterxml.jackson.core:jackson-databind}, or return a record).
   */
  public static void any(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String) {
      g.writeString((String) v);
    } else if (v instanceof Number) {
      number(g, (Number) v);
    } else if (v instanceof Boolean) {
      g.writeBoolean((Boolean) v);
    } else if (v instanceof Character) {
      charValue(g, (Character) v);
    } else if (v instanceof Enum<?>) {
      g.writeString(((Enum<?>) v).name());
    } else if (v instanceof java.util.UUID || v.getClass().getPackageName().equals("java.time")) {
      g.writeString(v.toString()); // every java.time toString() is ISO-8601
    } else if (v instanceof Optional<?>) {
      any(g, ((Optional<?>) v).orElse(null));
    } else if (v instanceof Map<?, ?>) {
      anyMap(g, (Map<?, ?>) v);
    } else if (v instanceof Iterable<?>) {
      g.writeStartArray(v);
      for (Object e : (Iterable<?>) v) {
        any(g, e);
      }
      g.writeEndArray();
    } else if (v.getClass().isArray()) {
      anyArray(g, v);
    } else {
      pojo(g, v);
    }
  }

  private static void pojo(JsonGenerator g, Object v) throws IOException {
    if (!Databind.PRESENT) {
      throw new IllegalStateException("no generated encoder for " + v.getClass().getName()
          + " and jackson-databind is not on the class path: return a record, or add"
          + " com.fasterxml.jackson.core:jackson-databind");
    }
    DatabindFallback.write(g, v);
  }

  /** Whether the optional jackson-databind is there, checked (without initialising it) on the first fallback. */
  private static final class Databind {
    static final boolean PRESENT = present("com.fasterxml.jackson.databind.ObjectMapper");
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, JsonWrite.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static void number(JsonGenerator g, Number n) throws IOException {
    if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
      g.writeNumber(n.intValue());
    } else if (n instanceof Long) {
      g.writeNumber(n.longValue());
    } else if (n instanceof Double) {
      doubleValue(g, n.doubleValue());
    } else if (n instanceof Float) {
      floatValue(g, n.floatValue());
    } else if (n instanceof BigDecimal) {
      g.writeNumber((BigDecimal) n);
    } else if (n instanceof BigInteger) {
      g.writeNumber((BigInteger) n);
    } else {
      // AtomicLong, LongAdder, a user's Number: its decimal text is its JSON form
      g.writeNumber(new BigDecimal(n.toString()));
    }
  }

  private static void anyMap(JsonGenerator g, Map<?, ?> map) throws IOException {
    g.writeStartObject(map, map.size());
    for (Map.Entry<?, ?> e : map.entrySet()) {
      Object key = e.getKey();
      g.writeFieldName(key instanceof Enum<?> ? ((Enum<?>) key).name() : String.valueOf(key));
      any(g, e.getValue());
    }
    g.writeEndObject();
  }

  private static void anyArray(JsonGenerator g, Object array) throws IOException {
    if (array instanceof Object[]) {
      array(g, (Object[]) array, JsonWrite::any);
    } else if (array instanceof int[]) {
      intArray(g, (int[]) array);
    } else if (array instanceof long[]) {
      longArray(g, (long[]) array);
    } else if (array instanceof double[]) {
      doubleArray(g, (double[]) array);
    } else if (array instanceof float[]) {
      floatArray(g, (float[]) array);
    } else if (array instanceof short[]) {
      shortArray(g, (short[]) array);
    } else if (array instanceof byte[]) {
      byteArray(g, (byte[]) array);
    } else if (array instanceof boolean[]) {
      booleanArray(g, (boolean[]) array);
    } else {
      charArray(g, (char[]) array);
    }
  }

  private static void text(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else {
      g.writeString(v.toString());
    }
  }
}
