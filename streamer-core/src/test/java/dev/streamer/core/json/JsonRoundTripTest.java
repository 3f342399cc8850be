package dev.streamer.core.json;

import static dev.streamer.core.json.Decoding.read;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** What {@link JsonWrite} writes, {@link JsonRead} reads back as an equal value. */
class JsonRoundTripTest {

  @Property
  void strings(@ForAll String s) throws IOException {
    assertEquals(s, read(JsonWrite.toJson(JsonWrite.STRING, s), JsonRead.STRING));
  }

  @Property
  void wellFormedUnicodeStringsAsUtf8(@ForAll("unicodeText") String s) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      JsonWrite.string(g, s);
    }
    try (JsonParser p = JsonRead.parser(out.toByteArray())) {
      p.nextToken();
      assertEquals(s, JsonRead.string(p));
    }
  }

  @Property
  void longs(@ForAll long v) throws IOException {
    assertEquals(v, read(JsonWrite.toJson(JsonWrite.LONG, v), JsonRead::longValue));
  }

  @Property
  void ints(@ForAll int v) throws IOException {
    assertEquals(v, read(JsonWrite.toJson(JsonWrite.INT, v), JsonRead::intValue));
  }

  @Property
  void doubles(@ForAll("finiteDoubles") double v) throws IOException {
    assertEquals(v, read(JsonWrite.toJson(JsonWrite.DOUBLE, v), JsonRead::doubleValue));
  }

  @Property
  void floats(@ForAll("finiteFloats") float v) throws IOException {
    assertEquals(v, read(JsonWrite.toJson(JsonWrite.FLOAT, v), JsonRead::floatValue));
  }

  @Property
  void bigDecimalsKeepValueAndScale(@ForAll("bigDecimals") BigDecimal v) throws IOException {
    assertEquals(v, read(JsonWrite.toJson(JsonWrite.BIG_DECIMAL, v), JsonRead.BIG_DECIMAL));
  }

  @Property
  void bigIntegers(@ForAll("bigIntegers") BigInteger v) throws IOException {
    assertEquals(v, read(JsonWrite.toJson(JsonWrite.BIG_INTEGER, v), JsonRead.BIG_INTEGER));
  }

  @Property
  void instants(@ForAll("instants") Instant v) throws IOException {
    assertEquals(v, read(JsonWrite.toJson(JsonWrite.INSTANT, v), JsonRead.INSTANT));
  }

  @Property
  void dateTimesAndDurations(@ForAll("instantsOfYears1To9999") Instant v, @ForAll("offsets") ZoneOffset offset,
      @ForAll long seconds) throws IOException {
    OffsetDateTime odt = v.atOffset(offset);
    assertEquals(odt, read(JsonWrite.toJson(JsonWrite.OFFSET_DATE_TIME, odt), JsonRead.OFFSET_DATE_TIME));
    LocalDate date = odt.toLocalDate();
    assertEquals(date, read(JsonWrite.toJson(JsonWrite.LOCAL_DATE, date), JsonRead.LOCAL_DATE));
    Duration d = Duration.ofSeconds(seconds, v.getNano());
    assertEquals(d, read(JsonWrite.toJson(JsonWrite.DURATION, d), JsonRead.DURATION));
  }

  @Property
  void uuids(@ForAll long high, @ForAll long low) throws IOException {
    UUID id = new UUID(high, low);
    assertEquals(id, read(JsonWrite.toJson(JsonWrite.UUID, id), JsonRead.UUID));
  }

  @Property
  void listsOfLongsWithNulls(@ForAll @Size(max = 30) List<Long> list) throws IOException {
    String json = JsonWrite.toJson((g, v) -> JsonWrite.list(g, v, JsonWrite.LONG), list);
    assertEquals(list, read(json, p -> JsonRead.list(p, JsonRead.LONG)));
  }

  @Property
  void mapsOfListsOfStrings(@ForAll("mapsOfLists") Map<String, List<String>> map) throws IOException {
    JsonWriter<Map<String, List<String>>> writer =
        (g, v) -> JsonWrite.map(g, v, (g2, l) -> JsonWrite.list(g2, l, JsonWrite.STRING));
    String json = JsonWrite.toJson(writer, map);
    Map<String, List<String>> back = read(json, p -> JsonRead.map(p, q -> JsonRead.list(q, JsonRead.STRING)));
    assertEquals(map, back);
    assertEquals(json, JsonWrite.toJson(writer, back), "key order survives");
  }

  @Property
  void primitiveArrays(@ForAll int[] ints, @ForAll long[] longs, @ForAll byte[] bytes, @ForAll short[] shorts,
      @ForAll boolean[] booleans, @ForAll char[] chars, @ForAll("finiteDoubles") double d) throws IOException {
    assertArrayEquals(ints, read(JsonWrite.toJson(JsonWrite::intArray, ints), JsonRead::intArray));
    assertArrayEquals(longs, read(JsonWrite.toJson(JsonWrite::longArray, longs), JsonRead::longArray));
    assertArrayEquals(bytes, read(JsonWrite.toJson(JsonWrite::byteArray, bytes), JsonRead::byteArray));
    assertArrayEquals(shorts, read(JsonWrite.toJson(JsonWrite::shortArray, shorts), JsonRead::shortArray));
    assertArrayEquals(booleans, read(JsonWrite.toJson(JsonWrite::booleanArray, booleans), JsonRead::booleanArray));
    assertArrayEquals(chars, read(JsonWrite.toJson(JsonWrite::charArray, chars), JsonRead::charArray));
    double[] doubles = {d, -d, d / 3};
    assertArrayEquals(doubles, read(JsonWrite.toJson(JsonWrite::doubleArray, doubles), JsonRead::doubleArray));
  }

  @Property
  void anyTrees(@ForAll("jsonTrees") Object tree) throws IOException {
    String json = JsonWrite.toJson(JsonWrite.ANY, tree);
    Object back = read(json, JsonRead.ANY);
    assertEquals(tree, back);
    assertEquals(json, JsonWrite.toJson(JsonWrite.ANY, back), "same text again, key order included");
  }

  // ---------------------------------------------------------------- generators

  @Provide
  Arbitrary<String> unicodeText() {
    Arbitrary<String> bmp = Arbitraries.strings().withCharRange('\u0000', '\uD7FF').withCharRange('\uE000', '\uFFFF');
    Arbitrary<String> astral = Arbitraries.integers().between(0x10000, 0x10FFFF).map(Character::toString);
    return Arbitraries.oneOf(bmp, astral).list().ofMaxSize(8).map(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<Double> finiteDoubles() {
    return Arbitraries.doubles().filter(Double::isFinite);
  }

  @Provide
  Arbitrary<Float> finiteFloats() {
    return Arbitraries.floats().filter(Float::isFinite);
  }

  @Provide
  Arbitrary<BigDecimal> bigDecimals() {
    Arbitrary<BigInteger> unscaled = Arbitraries.bigIntegers()
        .between(BigInteger.TEN.pow(60).negate(), BigInteger.TEN.pow(60));
    Arbitrary<Integer> scale = Arbitraries.integers().between(-500, 500);
    return Combinators.combine(unscaled, scale).as(BigDecimal::new);
  }

  @Provide
  Arbitrary<BigInteger> bigIntegers() {
    return Arbitraries.bigIntegers().between(BigInteger.TEN.pow(150).negate(), BigInteger.TEN.pow(150));
  }

  @Provide
  Arbitrary<Instant> instants() {
    Arbitrary<Long> seconds = Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond());
    Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999_999_999));
    return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
  }

  /** Far enough from Instant.MIN/MAX that every offset still gives a valid date-time. */
  @Provide
  Arbitrary<Instant> instantsOfYears1To9999() {
    long first = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
    long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    return Combinators.combine(Arbitraries.longs().between(first, last), Arbitraries.integers().between(0, 999_999_999))
        .as(Instant::ofEpochSecond);
  }

  @Provide
  Arbitrary<ZoneOffset> offsets() {
    return Arbitraries.integers().between(-18 * 3600, 18 * 3600).map(ZoneOffset::ofTotalSeconds);
  }

  @Provide
  Arbitrary<Map<String, List<String>>> mapsOfLists() {
    Arbitrary<List<String>> lists = Arbitraries.strings().injectNull(0.1).list().ofMaxSize(4).injectNull(0.1);
    return Arbitraries.maps(Arbitraries.strings().ofMaxLength(6), lists).ofMaxSize(6)
        .map(m -> new LinkedHashMap<>(m));
  }

  @Provide
  Arbitrary<Object> jsonTrees() {
    return Arbitraries.recursive(JsonRoundTripTest::jsonLeaves, JsonRoundTripTest::jsonContainers, 0, 5);
  }

  /** Leaves in the form {@link JsonRead#any} produces: the smallest integer type that fits, and so on. */
  private static Arbitrary<Object> jsonLeaves() {
    BigInteger twoPow63 = BigInteger.TWO.pow(63);
    return Arbitraries.oneOf(List.of(
        Arbitraries.just(null),
        Arbitraries.of(Boolean.TRUE, Boolean.FALSE),
        Arbitraries.strings().ofMaxLength(10),
        Arbitraries.integers(),
        Arbitraries.longs().filter(l -> l < Integer.MIN_VALUE || l > Integer.MAX_VALUE),
        Combinators.combine(Arbitraries.bigIntegers().between(twoPow63, BigInteger.TEN.pow(100)),
            Arbitraries.of(true, false)).as((b, negative) -> negative ? b.negate().subtract(BigInteger.ONE) : b),
        Arbitraries.doubles().filter(Double::isFinite),
        Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.TEN.pow(20))
            .map(u -> new BigDecimal(u, -400)))) // beyond double's range
        .map(v -> (Object) v);
  }

  private static Arbitrary<Object> jsonContainers(Arbitrary<Object> element) {
    Arbitrary<Object> lists = element.list().ofMaxSize(4).map(l -> (Object) new ArrayList<>(l));
    Arbitrary<Object> maps = Arbitraries.maps(Arbitraries.strings().ofMaxLength(5), element).ofMaxSize(4)
        .map(m -> (Object) new LinkedHashMap<>(m));
    return Arbitraries.oneOf(lists, maps);
  }
}
