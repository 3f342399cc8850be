package dev.streamer.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class JsonWriteTest {

  @Test
  void writesScalarsAndNulls() {
    assertEquals("\"a\\\"b\"", JsonWrite.toJson(JsonWrite.STRING, "a\"b"));
    assertEquals("null", JsonWrite.toJson(JsonWrite.STRING, null));
    assertEquals("\"\u00e9\uD83D\uDE00\"", JsonWrite.toJson(JsonWrite.STRING, "\u00e9\uD83D\uDE00"));
    assertEquals("-2147483648", JsonWrite.toJson(JsonWrite.INT, Integer.MIN_VALUE));
    assertEquals("9223372036854775807", JsonWrite.toJson(JsonWrite.LONG, Long.MAX_VALUE));
    assertEquals("-32768", JsonWrite.toJson(JsonWrite.SHORT, Short.MIN_VALUE));
    assertEquals("-128", JsonWrite.toJson(JsonWrite.BYTE, Byte.MIN_VALUE));
    assertEquals("\"x\"", JsonWrite.toJson(JsonWrite.CHAR, 'x'));
    assertEquals("\"x\"", JsonWrite.toJson(JsonWrite::charValue, 'x'));
    assertEquals("1.5", JsonWrite.toJson(JsonWrite.DOUBLE, 1.5));
    assertEquals("0.1", JsonWrite.toJson(JsonWrite.FLOAT, 0.1f));
    assertEquals("true", JsonWrite.toJson(JsonWrite.BOOLEAN, true));
    assertEquals("1.50", JsonWrite.toJson(JsonWrite.BIG_DECIMAL, new BigDecimal("1.50")));
    assertEquals("9".repeat(50), JsonWrite.toJson(JsonWrite.BIG_INTEGER, new BigInteger("9".repeat(50))));
    for (JsonWriter<?> w : List.<JsonWriter<?>>of(JsonWrite.INT, JsonWrite.LONG, JsonWrite.SHORT, JsonWrite.BYTE,
        JsonWrite.CHAR, JsonWrite.DOUBLE, JsonWrite.FLOAT, JsonWrite.BOOLEAN, JsonWrite.BIG_DECIMAL,
        JsonWrite.BIG_INTEGER, JsonWrite.UUID, JsonWrite.INSTANT, JsonWrite.LOCAL_DATE, JsonWrite.OFFSET_DATE_TIME,
        JsonWrite.DURATION, JsonWrite.ANY)) {
      @SuppressWarnings("unchecked")
      JsonWriter<Object> any = (JsonWriter<Object>) w;
      assertEquals("null", JsonWrite.toJson(any, null));
    }
  }

  @Test
  void nonFiniteFloatingPointBecomesNull() {
    assertEquals("null", JsonWrite.toJson(JsonWrite.DOUBLE, Double.NaN));
    assertEquals("null", JsonWrite.toJson(JsonWrite.FLOAT, Float.POSITIVE_INFINITY));
    assertEquals("[1.0,null]", JsonWrite.toJson(JsonWrite::doubleArray, new double[] {1, Double.NEGATIVE_INFINITY}));
  }

  @Test
  void writesIsoTextFormats() {
    assertEquals("\"123e4567-e89b-12d3-a456-426614174000\"",
        JsonWrite.toJson(JsonWrite.UUID, UUID.fromString("123e4567-e89b-12d3-a456-426614174000")));
    assertEquals("\"2024-01-31T10:15:30Z\"", JsonWrite.toJson(JsonWrite.INSTANT, Instant.parse("2024-01-31T10:15:30Z")));
    assertEquals("\"2024-02-29\"", JsonWrite.toJson(JsonWrite.LOCAL_DATE, LocalDate.of(2024, 2, 29)));
    assertEquals("\"2024-01-31T10:15:30+01:00\"", JsonWrite.toJson(JsonWrite.OFFSET_DATE_TIME,
        OffsetDateTime.of(2024, 1, 31, 10, 15, 30, 0, ZoneOffset.ofHours(1))));
    assertEquals("\"PT5S\"", JsonWrite.toJson(JsonWrite.DURATION, Duration.ofSeconds(5)));
  }

  @Test
  void writesContainers() {
    assertEquals("[1,null,3]", JsonWrite.toJson((g, v) -> JsonWrite.list(g, v, JsonWrite.INT), Arrays.asList(1, null, 3)));
    assertEquals("[\"b\",\"a\"]", JsonWrite.toJson((g, v) -> JsonWrite.list(g, v, JsonWrite.STRING),
        new LinkedHashSet<>(List.of("b", "a"))));
    assertEquals("null", JsonWrite.toJson((g, v) -> JsonWrite.list(g, v, JsonWrite.STRING), (List<String>) null));
    Map<String, List<Long>> map = new LinkedHashMap<>();
    map.put("z", List.of(1L));
    map.put("a", null);
    assertEquals("{\"z\":[1],\"a\":null}", JsonWrite.toJson((g, v) -> JsonWrite.map(g, v,
        (g2, l) -> JsonWrite.list(g2, l, JsonWrite.LONG)), map));
    assertEquals("null", JsonWrite.toJson((g, v) -> JsonWrite.map(g, v, JsonWrite.INT), (Map<String, Integer>) null));
    assertEquals("\"x\"", JsonWrite.toJson((g, v) -> JsonWrite.optional(g, v, JsonWrite.STRING), Optional.of("x")));
    assertEquals("null", JsonWrite.toJson((g, v) -> JsonWrite.optional(g, v, JsonWrite.STRING), Optional.<String>empty()));
    assertEquals("null", JsonWrite.toJson((g, v) -> JsonWrite.optional(g, v, JsonWrite.STRING),
        (Optional<String>) null));
    assertEquals("[\"a\",null]", JsonWrite.toJson((g, v) -> JsonWrite.array(g, v, JsonWrite.STRING),
        new String[] {"a", null}));
    assertEquals("null", JsonWrite.toJson((g, v) -> JsonWrite.array(g, v, JsonWrite.STRING), (String[]) null));
  }

  @Test
  void writesPrimitiveArrays() {
    assertEquals("[1,-2]", JsonWrite.toJson(JsonWrite::intArray, new int[] {1, -2}));
    assertEquals("[" + Long.MIN_VALUE + "]", JsonWrite.toJson(JsonWrite::longArray, new long[] {Long.MIN_VALUE}));
    assertEquals("[1.5]", JsonWrite.toJson(JsonWrite::doubleArray, new double[] {1.5}));
    assertEquals("[0.25]", JsonWrite.toJson(JsonWrite::floatArray, new float[] {0.25f}));
    assertEquals("[-32768,7]", JsonWrite.toJson(JsonWrite::shortArray, new short[] {Short.MIN_VALUE, 7}));
    assertEquals("[-128,0,127]", JsonWrite.toJson(JsonWrite::byteArray, new byte[] {-128, 0, 127}));
    assertEquals("[true,false]", JsonWrite.toJson(JsonWrite::booleanArray, new boolean[] {true, false}));
    assertEquals("\"hi\"", JsonWrite.toJson(JsonWrite::charArray, new char[] {'h', 'i'}));
    assertEquals("[]", JsonWrite.toJson(JsonWrite::intArray, new int[0]));
    assertEquals("null", JsonWrite.toJson(JsonWrite::intArray, null));
    assertEquals("null", JsonWrite.toJson(JsonWrite::longArray, null));
    assertEquals("null", JsonWrite.toJson(JsonWrite::doubleArray, null));
    assertEquals("null", JsonWrite.toJson(JsonWrite::floatArray, null));
    assertEquals("null", JsonWrite.toJson(JsonWrite::shortArray, null));
    assertEquals("null", JsonWrite.toJson(JsonWrite::byteArray, null));
    assertEquals("null", JsonWrite.toJson(JsonWrite::booleanArray, null));
    assertEquals("null", JsonWrite.toJson(JsonWrite::charArray, null));
  }

  enum Color { RED, GREEN { @Override public String toString() { return "green!"; } } }

  @Test
  void anyWritesEveryKnownType() {
    Map<Object, Object> map = new LinkedHashMap<>();
    map.put("s", "x");
    map.put(7, (short) 3);
    map.put(Color.GREEN, Color.GREEN);
    map.put("nums", List.of((byte) 1, 2L, 2.5, 0.5f, new BigDecimal("1.10"), BigInteger.TEN, new AtomicLong(9)));
    map.put("c", 'c');
    map.put("b", false);
    map.put("n", null);
    map.put("id", new UUID(0, 1));
    map.put("times", List.of(Instant.EPOCH, LocalDate.EPOCH, Duration.ofMillis(1500),
        LocalDateTime.of(2024, 1, 2, 3, 4, 5), ZoneOffset.UTC));
    map.put("opt", List.of(Optional.of(1), Optional.empty()));
    map.put("arrays", new Object[] {new int[] {1}, new long[] {2}, new double[] {3.5}, new float[] {4.5f},
        new short[] {5}, new byte[] {6}, new boolean[] {true}, new char[] {'z'}, new String[] {"s"}});
    map.put("set", new LinkedHashSet<>(List.of(2, 1)));
    assertEquals("{\"s\":\"x\",\"7\":3,\"GREEN\":\"GREEN\",\"nums\":[1,2,2.5,0.5,1.10,10,9],\"c\":\"c\",\"b\":false,"
        + "\"n\":null,\"id\":\"00000000-0000-0000-0000-000000000001\",\"times\":[\"1970-01-01T00:00:00Z\","
        + "\"1970-01-01\",\"PT1.5S\",\"2024-01-02T03:04:05\",\"Z\"],\"opt\":[1,null],\"arrays\":[[1],[2],[3.5],"
        + "[4.5],[5],[6],[true],\"z\",[\"s\"]],\"set\":[2,1]}", JsonWrite.toJson(JsonWrite.ANY, map));
  }

  /** A POJO result: no generated encoder, so databind writes it. */
  public static final class Pojo {
    public final String name = "p";
    public final Instant at = Instant.EPOCH;
    public final Optional<Integer> maybe = Optional.empty();
    public final List<LocalDate> dates = List.of(LocalDate.of(2024, 1, 2));

    public int getCount() {
      return 3;
    }
  }

  public static final class Empty {}

  public record Point(int x, int y, OffsetDateTime at) {}

  @Test
  void anyFallsBackToDatabindForOtherTypes() {
    assertEquals("{\"name\":\"p\",\"at\":\"1970-01-01T00:00:00Z\",\"maybe\":null,\"dates\":[\"2024-01-02\"],\"count\":3}",
        JsonWrite.toJson(JsonWrite.ANY, new Pojo()));
    assertEquals("{}", JsonWrite.toJson(JsonWrite.ANY, new Empty()));
    assertEquals("[{\"x\":1,\"y\":2,\"at\":\"1970-01-01T00:00Z\"},{}]", JsonWrite.toJson(JsonWrite.ANY,
        List.of(new Point(1, 2, OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)), new Empty())));
  }

  @Test
  void theDatabindFallbackLeavesTheSharedFactoryAlone() {
    JsonWrite.toJson(JsonWrite.ANY, new Empty());
    assertEquals(null, Json.FACTORY.getCodec());
  }
}
