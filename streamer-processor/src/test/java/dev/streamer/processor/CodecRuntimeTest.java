package dev.streamer.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.google.testing.compile.Compilation;
import dev.streamer.core.json.Json;
import dev.streamer.core.json.JsonDecodeException;
import dev.streamer.core.json.JsonRead;
import dev.streamer.core.json.JsonReader;
import dev.streamer.core.json.JsonWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every supported component type through a generated codec: decoding, errors with paths, and encoding. */
class CodecRuntimeTest {

  private static final String ALL_TYPES = """
      package codec;

      import java.math.BigDecimal;
      import java.math.BigInteger;
      import java.time.Duration;
      import java.time.Instant;
      import java.time.LocalDate;
      import java.time.OffsetDateTime;
      import java.util.List;
      import java.util.Map;
      import java.util.Optional;
      import java.util.Set;
      import java.util.UUID;

      public record AllTypes(
          boolean flag, byte b, short s, int i, long l, char c, float f, double d,
          Boolean flagBox, Byte bBox, Short sBox, Integer iBox, Long lBox, Character cBox, Float fBox, Double dBox,
          String text, BigDecimal decimal, BigInteger big, UUID id, Instant at, LocalDate day, OffsetDateTime when,
          Duration took, Color color, List<Color> colors, Set<String> tags, Map<String, List<Integer>> groups,
          Optional<Inner> inner, Optional<String> maybe, int[] ints, Inner[] inners, List<List<Integer>> matrix,
          Object anything, Map<String, Inner> byName) {

        public enum Color { RED, GREEN }

        public record Inner(String name, int n) {}
      }
      """;

  private static final String HANDLER = """
      package codec;

      public class Api {
        @dev.streamer.annotations.Action public AllTypes echo(AllTypes in) { return in; }
      }
      """;

  private static final String FULL = "{\"flag\":true,\"b\":1,\"s\":2,\"i\":3,\"l\":4,\"c\":\"x\",\"f\":1.5,\"d\":2.5,"
      + "\"flagBox\":false,\"bBox\":-1,\"sBox\":-2,\"iBox\":-3,\"lBox\":-4,\"cBox\":\"y\",\"fBox\":0.5,\"dBox\":0.25,"
      + "\"text\":\"h\\u00e9llo \\ud83d\\ude00\",\"decimal\":12.50,\"big\":123456789012345678901234567890,"
      + "\"id\":\"123e4567-e89b-12d3-a456-426614174000\",\"at\":\"2024-01-02T03:04:05Z\",\"day\":\"2024-02-29\","
      + "\"when\":\"2024-01-02T03:04:05+02:00\",\"took\":\"PT1M30S\",\"color\":\"GREEN\",\"colors\":[\"RED\",\"GREEN\"],"
      + "\"tags\":[\"a\",\"b\"],\"groups\":{\"g\":[1,2]},\"inner\":{\"name\":\"in\",\"n\":1},\"maybe\":null,"
      + "\"ints\":[1,2,3],\"inners\":[{\"name\":\"x\",\"n\":2}],\"matrix\":[[1],[2,3]],"
      + "\"anything\":{\"k\":[1,\"two\",null]},\"byName\":{\"k\":{\"name\":\"v\",\"n\":3}}}";

  private static JsonReader<Object> reader;
  private static JsonWriter<Object> writer;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void compile() throws Exception {
    Compilation compilation = Compilations.compile(java.util.List.of(
        Compilations.source("codec.AllTypes", ALL_TYPES), Compilations.source("codec.Api", HANDLER)),
        "-Astreamer.app=Codec");
    assertThat(compilation).succeededWithoutWarnings();
    Class<?> codec = Compilations.classLoader(compilation).loadClass("codec.AllTypesJson");
    reader = (JsonReader<Object>) codec.getField("READER").get(null);
    writer = (JsonWriter<Object>) codec.getField("WRITER").get(null);
  }

  private static Object read(String json) throws Exception {
    try (JsonParser parser = JsonRead.parser(json)) {
      parser.nextToken();
      return reader.read(parser);
    }
  }

  private static String write(Object value) throws Exception {
    StringWriter text = new StringWriter();
    try (JsonGenerator generator = Json.FACTORY.createGenerator(text)) {
      writer.write(generator, value);
    }
    return text.toString();
  }

  @Test
  void everyTypeRoundTrips() throws Exception {
    String written = write(read(FULL));
    assertEquals(FULL.replace("h\\u00e9llo \\ud83d\\ude00", "h\u00e9llo \ud83d\ude00"), written); // unicode unescaped
    assertEquals(written, write(read(written)));
  }

  @Test
  void absentReferencesAreNullAndOptionalsEmpty() throws Exception {
    String minimal = "{\"flag\":false,\"b\":0,\"s\":0,\"i\":0,\"l\":0,\"c\":\"a\",\"f\":0,\"d\":0}";
    String written = write(read(minimal));
    assertEquals("{\"flag\":false,\"b\":0,\"s\":0,\"i\":0,\"l\":0,\"c\":\"a\",\"f\":0.0,\"d\":0.0,\"flagBox\":null,"
        + "\"bBox\":null,\"sBox\":null,\"iBox\":null,\"lBox\":null,\"cBox\":null,\"fBox\":null,\"dBox\":null,"
        + "\"text\":null,\"decimal\":null,\"big\":null,\"id\":null,\"at\":null,\"day\":null,\"when\":null,"
        + "\"took\":null,\"color\":null,\"colors\":null,\"tags\":null,\"groups\":null,\"inner\":null,\"maybe\":null,"
        + "\"ints\":null,\"inners\":null,\"matrix\":null,\"anything\":null,\"byName\":null}", written);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"b\":128}                                   | b",
      "{\"s\":40000}                                 | s",
      "{\"i\":2147483648}                            | i",
      "{\"l\":9223372036854775808}                   | l",
      "{\"i\":1.5}                                   | i",
      "{\"c\":\"ab\"}                                | c",
      "{\"flag\":\"true\"}                           | flag",
      "{\"iBox\":{}}                                 | iBox",
      "{\"text\":1}                                  | text",
      "{\"id\":\"not-a-uuid\"}                       | id",
      "{\"day\":\"2024-02-30\"}                      | day",
      "{\"color\":\"BLUE\"}                          | color",
      "{\"colors\":[\"RED\",\"BLUE\"]}               | colors[1]",
      "{\"groups\":{\"g\":[1,\"x\"]}}                | groups.g[1]",
      "{\"matrix\":[[1],[2,\"3\"]]}                  | matrix[1][1]",
      "{\"inners\":[{\"name\":\"x\",\"n\":1},{}]}    | inners[1].n",
      "{\"byName\":{\"k\":{\"name\":\"v\"}}}         | byName.k.n",
      "{\"inner\":{\"n\":\"1\"}}                     | inner.n",
      "{\"ints\":[1,null]}                           | ints[1]",
      "{\"decimal\":1e999999999}                     | decimal",
      "{\"anything\":[1e999999999]}                  | anything[0]",
  })
  void decodeErrorsCarryThePathOfTheFault(String json, String path) {
    JsonDecodeException e = assertThrows(JsonDecodeException.class, () -> read(json));
    assertEquals(path, e.path(), e.getMessage());
  }

  /**
   * A repeated field keeps its last value, as in Jackson databind and JavaScript's JSON.parse: the value a validator
   * sees is the value the action gets, and a queued request is decoded again from the same text to the same value.
   * A repeated primitive still counts as present; an earlier value must still be well-formed.
   */
  @Test
  void aRepeatedFieldKeepsItsLastValue() throws Exception {
    String json = "{\"flag\":false,\"b\":0,\"s\":0,\"i\":1,\"l\":0,\"c\":\"a\",\"f\":0,\"d\":0,\"i\":2,"
        + "\"text\":\"first\",\"text\":\"last\",\"byName\":{\"k\":{\"name\":\"a\",\"n\":1},\"k\":{\"name\":\"b\",\"n\":2}}}";
    String written = write(read(json));
    assertTrue(written.contains("\"i\":2,"), written);
    assertTrue(written.contains("\"text\":\"last\""), written);
    assertTrue(written.contains("\"byName\":{\"k\":{\"name\":\"b\",\"n\":2}}"), written);
    JsonDecodeException e = assertThrows(JsonDecodeException.class,
        () -> read(json.replace("\"i\":1,", "\"i\":\"one\",")));
    assertEquals("i", e.path());
  }

  @ParameterizedTest
  @CsvSource({"flag", "b", "s", "i", "l", "c", "f", "d"})
  void everyPrimitiveIsRequired(String field) {
    String json = "{\"flag\":false,\"b\":0,\"s\":0,\"i\":0,\"l\":0,\"c\":\"a\",\"f\":0,\"d\":0}"
        .replaceFirst("\"" + field + "\":[^,}]+,?", "").replace(",}", "}");
    JsonDecodeException e = assertThrows(JsonDecodeException.class, () -> read(json));
    assertEquals(field, e.path());
    assertEquals("is required", e.getMessage());
  }

  @Test
  void hostileNestingIsRejectedByTheParserLimits() {
    String deep = "{\"anything\":" + "[".repeat(200) + "]".repeat(200) + "}";
    assertThrows(java.io.IOException.class, () -> read(deep));
  }
}
