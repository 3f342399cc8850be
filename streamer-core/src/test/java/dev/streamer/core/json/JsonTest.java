package dev.streamer.core.json;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.base.ParserBase;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the envelope reader's payload offsets rely on: a strict factory whose parsers are {@link ParserBase}s. */
class JsonTest {

  @Test
  void theFactoryReadsStrictJson() {
    // every JsonReadFeature is a leniency (single quotes, comments, unquoted names, trailing commas, ...)
    for (JsonReadFeature feature : JsonReadFeature.values()) {
      if (feature.mappedFeature() != null) {
        assertFalse(Json.FACTORY.isEnabled(feature.mappedFeature()), feature.name());
      }
    }
    assertThrows(JsonParseException.class, () -> {
      try (JsonParser p = Json.FACTORY.createParser("{'a':1}")) {
        while (p.nextToken() != null) {
          p.skipChildren();
        }
      }
    });
  }

  @Test
  void itsParsersOverBytesAndTextAreParserBases() throws Exception {
    try (JsonParser bytes = Json.FACTORY.createParser("{}".getBytes(StandardCharsets.UTF_8));
        JsonParser text = Json.FACTORY.createParser("{}")) {
      assertInstanceOf(ParserBase.class, bytes);
      assertInstanceOf(ParserBase.class, text);
    }
  }
}
