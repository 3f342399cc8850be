package dev.streamer.core.json;

import static dev.streamer.core.json.Decoding.assertFailure;
import static dev.streamer.core.json.Decoding.failure;
import static dev.streamer.core.json.Decoding.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonReadScalarTest {

  private static final String HUGE_INTEGER = "9".repeat(150); // within Json.MAX_NUMBER_LENGTH

  @Nested
  class Strings {
    @Test
    void readsStringsAndNull() throws IOException {
      assertEquals("hello", read("\"hello\"", JsonRead::string));
      assertEquals("", read("\"\"", JsonRead::string));
      assertNull(read("null", JsonRead::string));
    }

    @Test
    void decodesEscapesAndUnicode() throws IOException {
      assertEquals("caf\u00e9", read("\"caf\\u00e9\"", JsonRead::string));
      assertEquals("café", read("\"café\"", JsonRead::string));
      assertEquals("a\"b\\c/d\n\t", read("\"a\\\"b\\\\c\\/d\\n\\t\"", JsonRead::string));
      String emoji = "\uD83D\uDE00"; // 😀, a surrogate pair
      assertEquals(emoji, read("\"" + emoji + "\"", JsonRead::string));
      assertEquals(emoji, read("\"\\uD83D\\uDE00\"", JsonRead::string));
      assertEquals("x" + emoji, new String(read("\"x" + emoji + "\"", JsonRead::string).getBytes(
          java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void readsUtf8Bytes() throws IOException {
      byte[] utf8 = "\"\u00e9\uD83D\uDE00\"".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      try (var p = JsonRead.parser(utf8)) {
        p.nextToken();
        assertEquals("\u00e9\uD83D\uDE00", JsonRead.string(p));
      }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "42|an integer", "1.5|a decimal number", "true|a boolean", "{}|an object", "[]|an array"})
    void rejectsOtherTypes(String json, String got) {
      assertFailure(json, JsonRead::string, "", "expected a string but got " + got);
    }
  }

  @Nested
  class Booleans {
    @Test
    void readsBooleans() throws IOException {
      assertEquals(true, read("true", JsonRead::booleanValue));
      assertEquals(false, read("false", JsonRead::booleanValue));
      assertEquals(Boolean.TRUE, read("true", JsonRead::booleanBox));
      assertNull(read("null", JsonRead::booleanBox));
    }

    @Test
    void primitiveRejectsNull() {
      assertFailure("null", JsonRead::booleanValue, "", "must not be null");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"true\"", "1", "0"})
    void rejectsNonBooleans(String json) {
      assertTrue(failure(json, JsonRead::booleanBox).getMessage().startsWith("expected a boolean but got "));
    }
  }

  @Nested
  class Chars {
    @Test
    void readsOneCharacterStrings() throws IOException {
      assertEquals('x', read("\"x\"", JsonRead::charValue));
      assertEquals('\u00e9', read("\"\\u00e9\"", JsonRead::charValue));
      assertEquals(Character.valueOf('y'), read("\"y\"", JsonRead::charBox));
      assertNull(read("null", JsonRead::charBox));
    }

    @Test
    void rejectsOtherLengthsAndTypes() {
      assertFailure("\"\"", JsonRead::charBox, "", "expected a single character but got 0 characters");
      assertFailure("\"ab\"", JsonRead::charBox, "", "expected a single character but got 2 characters");
      assertFailure("\"\uD83D\uDE00\"", JsonRead::charBox, "", "expected a single character but got 2 characters");
      assertFailure("65", JsonRead::charBox, "", "expected a single character but got an integer");
      assertFailure("null", JsonRead::charValue, "", "must not be null");
    }
  }

  @Nested
  class Integers {
    @Test
    void readsIntBoundaries() throws IOException {
      assertEquals(Integer.MAX_VALUE, read("2147483647", JsonRead::intValue));
      assertEquals(Integer.MIN_VALUE, read("-2147483648", JsonRead::intValue));
      assertEquals(0, read("-0", JsonRead::intValue));
      assertEquals(Integer.valueOf(7), read("7", JsonRead::intBox));
      assertNull(read("null", JsonRead::intBox));
    }

    @Test
    void rejectsIntOverflowBothWays() {
      assertFailure("2147483648", JsonRead::intValue, "", "value 2147483648 is out of range for int");
      assertFailure("-2147483649", JsonRead::intValue, "", "value -2147483649 is out of range for int");
      assertFailure("3000000000", JsonRead::intBox, "", "value 3000000000 is out of range for int");
      assertFailure(HUGE_INTEGER, JsonRead::intBox, "", "value is out of range for int");
    }

    @Test
    void readsLongBoundaries() throws IOException {
      assertEquals(Long.MAX_VALUE, read("9223372036854775807", JsonRead::longValue));
      assertEquals(Long.MIN_VALUE, read("-9223372036854775808", JsonRead::longValue));
      assertEquals(Long.valueOf(5), read("5", JsonRead::longBox));
      assertNull(read("null", JsonRead::longBox));
    }

    @Test
    void rejectsLongOverflowBothWays() {
      assertFailure("9223372036854775808", JsonRead::longValue, "",
          "value 9223372036854775808 is out of range for long");
      assertFailure("-9223372036854775809", JsonRead::longValue, "",
          "value -9223372036854775809 is out of range for long");
      assertFailure("-" + HUGE_INTEGER, JsonRead::longBox, "", "value is out of range for long");
    }

    @Test
    void readsShortAndByteBoundaries() throws IOException {
      assertEquals(Short.MAX_VALUE, read("32767", JsonRead::shortValue));
      assertEquals(Short.MIN_VALUE, read("-32768", JsonRead::shortValue));
      assertEquals(Byte.MAX_VALUE, read("127", JsonRead::byteValue));
      assertEquals(Byte.MIN_VALUE, read("-128", JsonRead::byteValue));
      assertEquals(Short.valueOf((short) 3), read("3", JsonRead::shortBox));
      assertEquals(Byte.valueOf((byte) -3), read("-3", JsonRead::byteBox));
      assertNull(read("null", JsonRead::shortBox));
      assertNull(read("null", JsonRead::byteBox));
    }

    @Test
    void rejectsShortAndByteOverflowBothWays() {
      assertFailure("32768", JsonRead::shortValue, "", "value 32768 is out of range for short");
      assertFailure("-32769", JsonRead::shortValue, "", "value -32769 is out of range for short");
      assertFailure("128", JsonRead::byteValue, "", "value 128 is out of range for byte");
      assertFailure("-129", JsonRead::byteValue, "", "value -129 is out of range for byte");
      assertFailure("9999999999", JsonRead::byteValue, "", "value 9999999999 is out of range for byte");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "1.0", "1e3", "-0.0", "1e400"})
    void rejectsFractionsAndExponents(String json) {
      for (JsonReader<?> reader : new JsonReader<?>[] {JsonRead::intValue, JsonRead::longValue,
          JsonRead::shortValue, JsonRead::byteValue, JsonRead::bigInteger}) {
        assertFailure(json, reader, "", "expected an integer but got a decimal number");
      }
    }

    @Test
    void rejectsStringsAndNulls() {
      assertFailure("\"12\"", JsonRead::intValue, "", "expected an integer but got a string");
      assertFailure("true", JsonRead::longBox, "", "expected an integer but got a boolean");
      for (JsonReader<?> reader : new JsonReader<?>[] {JsonRead::intValue, JsonRead::longValue,
          JsonRead::shortValue, JsonRead::byteValue}) {
        assertFailure("null", reader, "", "must not be null");
      }
    }

    @Test
    void bigIntegerReadsAnyIntegerExactly() throws IOException {
      assertEquals(new BigInteger(HUGE_INTEGER), read(HUGE_INTEGER, JsonRead::bigInteger));
      assertEquals(BigInteger.valueOf(-12), read("-12", JsonRead::bigInteger));
      assertNull(read("null", JsonRead::bigInteger));
      assertFailure("\"12\"", JsonRead::bigInteger, "", "expected an integer but got a string");
    }
  }

  @Nested
  class Decimals {
    @Test
    void readsDoublesAndAcceptsIntegers() throws IOException {
      assertEquals(1.5, read("1.5", JsonRead::doubleValue));
      assertEquals(3.0, read("3", JsonRead::doubleValue));
      assertEquals(-2.5e-3, read("-2.5e-3", JsonRead::doubleValue));
      assertEquals(Double.MAX_VALUE, read("1.7976931348623157e308", JsonRead::doubleValue));
      assertEquals(Double.valueOf(2), read("2", JsonRead::doubleBox));
      assertNull(read("null", JsonRead::doubleBox));
    }

    @Test
    void readsFloatsAndAcceptsIntegers() throws IOException {
      assertEquals(1.5f, read("1.5", JsonRead::floatValue));
      assertEquals(3f, read("3", JsonRead::floatValue));
      assertEquals(Float.MAX_VALUE, read("3.4028235e38", JsonRead::floatValue));
      assertEquals(Float.valueOf(0.1f), read("0.1", JsonRead::floatBox));
      assertNull(read("null", JsonRead::floatBox));
    }

    @Test
    void rejectsValuesThatOverflowToInfinity() {
      assertFailure("1e400", JsonRead::doubleValue, "", "value 1e400 is out of range for double");
      assertFailure("-1e400", JsonRead::doubleBox, "", "value -1e400 is out of range for double");
      assertFailure("1" + "0".repeat(150) + "e200", JsonRead::doubleValue, "", "value is out of range for double");
      assertFailure("1e39", JsonRead::floatValue, "", "value 1e39 is out of range for float");
      assertFailure("-3.5e38", JsonRead::floatBox, "", "value -3.5e38 is out of range for float");
      assertFailure(HUGE_INTEGER, JsonRead::floatValue, "", "value is out of range for float");
    }

    @Test
    void rejectsNonNumbers() {
      assertFailure("\"1.5\"", JsonRead::doubleValue, "", "expected a number but got a string");
      assertFailure("[1]", JsonRead::floatBox, "", "expected a number but got an array");
      assertFailure("null", JsonRead::doubleValue, "", "must not be null");
      assertFailure("null", JsonRead::floatValue, "", "must not be null");
    }

    @Test
    void bigDecimalKeepsEveryDigit() throws IOException {
      assertEquals(new BigDecimal("0.1000000000000000055511151231257827"),
          read("0.1000000000000000055511151231257827", JsonRead::bigDecimal));
      assertEquals(new BigDecimal("1E+400"), read("1e400", JsonRead::bigDecimal));
      assertEquals(new BigDecimal(HUGE_INTEGER), read(HUGE_INTEGER, JsonRead::bigDecimal));
      assertEquals(new BigDecimal("42"), read("42", JsonRead::bigDecimal));
      assertNull(read("null", JsonRead::bigDecimal));
      assertFailure("\"1.5\"", JsonRead::bigDecimal, "", "expected a number but got a string");
    }

    /** A short literal with a huge exponent would make the action's arithmetic build a billion-digit number. */
    @Test
    void bigDecimalScaleIsBounded() throws IOException {
      assertEquals(new BigDecimal("1E+1000"), read("1e1000", JsonRead::bigDecimal));
      assertEquals(new BigDecimal("1E-1000"), read("1e-1000", JsonRead::bigDecimal));
      assertFailure("1e1001", JsonRead::bigDecimal, "", "value 1e1001 is out of range for decimal");
      assertFailure("1e-1001", JsonRead::bigDecimal, "", "value 1e-1001 is out of range for decimal");
      assertFailure("1e999999999", JsonRead::bigDecimal, "", "value 1e999999999 is out of range for decimal");
      assertFailure("1.5e-999999999", JsonRead::bigDecimal, "", "value 1.5e-999999999 is out of range for decimal");
      assertFailure("{\"a\":1e999999999}", JsonRead::any, "a", "value 1e999999999 is out of range for decimal");
    }
  }

  @Nested
  class TextFormats {
    @Test
    void readsUuids() throws IOException {
      UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
      assertEquals(id, read("\"123e4567-e89b-12d3-a456-426614174000\"", JsonRead::uuid));
      assertEquals(id, read("\"123E4567-E89B-12D3-A456-426614174000\"", JsonRead::uuid));
      assertNull(read("null", JsonRead::uuid));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1-1-1-1-1\"", "\"123e4567e89b12d3a456426614174000\"",
        "\"123e4567-e89b-12d3-a456-42661417400g\"", "\"123e4567-e89b-12d3-a456-4266141740000\"",
        "\"\u0661\u0662\u0663e4567-e89b-12d3-a456-426614174000\"", "\"\""})
    void rejectsNonCanonicalUuids(String json) {
      assertFailure(json, JsonRead::uuid, "", "expected a UUID such as 123e4567-e89b-12d3-a456-426614174000");
    }

    @Test
    void readsIsoInstants() throws IOException {
      assertEquals(Instant.parse("2024-01-31T10:15:30Z"), read("\"2024-01-31T10:15:30Z\"", JsonRead::instant));
      assertEquals(Instant.parse("2024-01-31T10:15:30.123456789Z"),
          read("\"2024-01-31T10:15:30.123456789Z\"", JsonRead::instant));
      assertNull(read("null", JsonRead::instant));
      assertFailure("\"2024-01-31\"", JsonRead::instant, "",
          "expected an ISO-8601 instant such as 2024-01-31T10:15:30Z");
      assertFailure("1706696130", JsonRead::instant, "", "expected an ISO-8601 instant string but got an integer");
    }

    @Test
    void readsIsoLocalDates() throws IOException {
      assertEquals(LocalDate.of(2024, 2, 29), read("\"2024-02-29\"", JsonRead::localDate));
      assertNull(read("null", JsonRead::localDate));
      assertFailure("\"2023-02-29\"", JsonRead::localDate, "", "expected an ISO-8601 date such as 2024-01-31");
      assertFailure("\"31/01/2024\"", JsonRead::localDate, "", "expected an ISO-8601 date such as 2024-01-31");
    }

    @Test
    void readsIsoOffsetDateTimes() throws IOException {
      assertEquals(OffsetDateTime.of(2024, 1, 31, 10, 15, 30, 0, ZoneOffset.ofHours(1)),
          read("\"2024-01-31T10:15:30+01:00\"", JsonRead::offsetDateTime));
      assertNull(read("null", JsonRead::offsetDateTime));
      assertFailure("\"2024-01-31T10:15:30\"", JsonRead::offsetDateTime, "",
          "expected an ISO-8601 date-time with offset such as 2024-01-31T10:15:30+01:00");
    }

    @Test
    void readsIsoDurations() throws IOException {
      assertEquals(Duration.ofSeconds(5), read("\"PT5S\"", JsonRead::duration));
      assertEquals(Duration.ofDays(2).plusMinutes(3), read("\"P2DT3M\"", JsonRead::duration));
      assertNull(read("null", JsonRead::duration));
      assertFailure("\"5 seconds\"", JsonRead::duration, "", "expected an ISO-8601 duration such as PT5S");
      assertFailure("\"PT99999999999999999999H\"", JsonRead::duration, "",
          "expected an ISO-8601 duration such as PT5S");
      assertFailure("5", JsonRead::duration, "", "expected an ISO-8601 duration string but got an integer");
    }
  }

  @Test
  void constantsDelegateToTheirReaders() throws IOException {
    assertEquals("s", read("\"s\"", JsonRead.STRING));
    assertEquals(1, read("1", JsonRead.INT));
    assertEquals(1L, read("1", JsonRead.LONG));
    assertEquals((short) 1, read("1", JsonRead.SHORT));
    assertEquals((byte) 1, read("1", JsonRead.BYTE));
    assertEquals('c', read("\"c\"", JsonRead.CHAR));
    assertEquals(1.5, read("1.5", JsonRead.DOUBLE));
    assertEquals(1.5f, read("1.5", JsonRead.FLOAT));
    assertEquals(true, read("true", JsonRead.BOOLEAN));
    assertEquals(new BigDecimal("1.50"), read("1.50", JsonRead.BIG_DECIMAL));
    assertEquals(BigInteger.TEN, read("10", JsonRead.BIG_INTEGER));
    assertEquals(new UUID(0, 1), read("\"00000000-0000-0000-0000-000000000001\"", JsonRead.UUID));
    assertEquals(Instant.EPOCH, read("\"1970-01-01T00:00:00Z\"", JsonRead.INSTANT));
    assertEquals(LocalDate.EPOCH, read("\"1970-01-01\"", JsonRead.LOCAL_DATE));
    assertEquals(OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
        read("\"1970-01-01T00:00Z\"", JsonRead.OFFSET_DATE_TIME));
    assertEquals(Duration.ofMinutes(1), read("\"PT1M\"", JsonRead.DURATION));
    assertEquals(java.util.List.of(1), read("[1]", JsonRead.ANY));
    for (JsonReader<?> reader : new JsonReader<?>[] {JsonRead.STRING, JsonRead.INT, JsonRead.LONG, JsonRead.SHORT,
        JsonRead.BYTE, JsonRead.CHAR, JsonRead.DOUBLE, JsonRead.FLOAT, JsonRead.BOOLEAN, JsonRead.BIG_DECIMAL,
        JsonRead.BIG_INTEGER, JsonRead.UUID, JsonRead.INSTANT, JsonRead.LOCAL_DATE, JsonRead.OFFSET_DATE_TIME,
        JsonRead.DURATION, JsonRead.ANY}) {
      assertNull(read("null", reader));
    }
  }
}
