package dev.streamer.core.json;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/** Test helpers: read a whole document with one reader, checking the reader stops on the value's last token. */
final class Decoding {
  private Decoding() {}

  static <T> T read(String json, JsonReader<T> reader) throws IOException {
    try (JsonParser p = JsonRead.parser(json)) {
      p.nextToken();
      T value = reader.read(p);
      assertNull(p.nextToken(), "reader must leave the parser on the value's last token");
      return value;
    }
  }

  static JsonDecodeException failure(String json, JsonReader<?> reader) {
    return assertThrows(JsonDecodeException.class, () -> read(json, reader), json);
  }

  /** Reads {@code json} and asserts the failure's path and message. */
  static void assertFailure(String json, JsonReader<?> reader, String path, String message) {
    JsonDecodeException e = failure(json, reader);
    assertAll(json,
        () -> assertEquals(path, e.path(), "path"),
        () -> assertEquals(message, e.getMessage(), "message"));
  }
}
