package dev.streamer.core.json;

import static dev.streamer.core.json.Decoding.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Malformed and oversized input is Jackson's to reject; the readers let its exceptions through unchanged. */
class JsonReadLimitsTest {

  @ParameterizedTest
  @ValueSource(strings = {"[1,", "{\"a\" 1}", "\"unterminated", "tru", "[1 2]", "{'a':1}", "NaN", "01",
      "{\"a\":1,}", "[1,]"})
  void malformedJsonPropagatesAsJsonParseException(String json) {
    assertThrows(JsonParseException.class, () -> read(json, JsonRead::any));
  }

  @Test
  void malformedNumberInsideAContainerPropagates() {
    assertThrows(JsonParseException.class, () -> read("[1, -]", p -> JsonRead.list(p, JsonRead.INT)));
  }

  @Test
  void numbersLongerThanTheLimitAreRejectedByJackson() {
    String tooLong = "1".repeat(Json.MAX_NUMBER_LENGTH + 1);
    String fourHundredDigits = "9".repeat(400);
    for (JsonReader<?> reader : List.<JsonReader<?>>of(JsonRead.INT, JsonRead.LONG, JsonRead.BIG_INTEGER,
        JsonRead.BIG_DECIMAL, JsonRead.DOUBLE, JsonRead.ANY)) {
      assertThrows(StreamConstraintsException.class, () -> read(tooLong, reader));
      assertThrows(StreamConstraintsException.class, () -> read(fourHundredDigits, reader));
      assertThrows(StreamConstraintsException.class, () -> read("0." + fourHundredDigits, reader));
    }
  }

  @Test
  void numbersAtTheLimitAreAccepted() throws IOException {
    String atLimit = "1".repeat(Json.MAX_NUMBER_LENGTH);
    assertEquals(new java.math.BigInteger(atLimit), read(atLimit, JsonRead.BIG_INTEGER));
  }

  @Test
  void nestingBeyondTheLimitIsRejectedByJackson() {
    String tooDeep = "[".repeat(Json.MAX_NESTING_DEPTH + 1) + "]".repeat(Json.MAX_NESTING_DEPTH + 1);
    assertThrows(StreamConstraintsException.class, () -> read(tooDeep, JsonRead::any));
    String tooDeepObjects = "{\"a\":".repeat(Json.MAX_NESTING_DEPTH + 1) + "1" + "}".repeat(Json.MAX_NESTING_DEPTH + 1);
    assertThrows(StreamConstraintsException.class, () -> read(tooDeepObjects, JsonRead::any));
  }

  @Test
  void nestingAtTheLimitIsAccepted() throws IOException {
    String deepest = "[".repeat(Json.MAX_NESTING_DEPTH) + "]".repeat(Json.MAX_NESTING_DEPTH);
    Object value = read(deepest, JsonRead::any);
    int depth = 0;
    while (value instanceof List<?> list && !list.isEmpty()) {
      value = list.get(0);
      depth++;
    }
    assertEquals(Json.MAX_NESTING_DEPTH - 1, depth);
  }

  @Test
  void skippingAnUnknownValueStillEnforcesTheLimits() {
    String tooDeep = "{\"unknown\":" + "[".repeat(Json.MAX_NESTING_DEPTH) + "]".repeat(Json.MAX_NESTING_DEPTH) + "}";
    assertThrows(StreamConstraintsException.class, () -> read(tooDeep, p -> {
      p.nextToken(); // FIELD_NAME
      p.nextToken(); // the value
      JsonRead.skipValue(p);
      p.nextToken(); // END_OBJECT
      return null;
    }));
  }

  @Test
  void stringsLongerThanTheLimitAreRejectedByJackson() {
    String tooLong = "\"" + "a".repeat(Json.MAX_STRING_LENGTH + 1) + "\"";
    assertThrows(StreamConstraintsException.class, () -> read(tooLong, JsonRead.STRING));
  }
}
