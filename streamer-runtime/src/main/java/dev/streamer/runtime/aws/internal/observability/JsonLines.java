package dev.streamer.runtime.aws.internal.observability;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** Writes one JSON object as one ASCII line. Shared by {@link JsonLog} and {@link Metrics}. */
final class JsonLines {

  /** Escapes non-ASCII so a line survives any stdout encoding; Jackson escapes control characters and newlines. */
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
      .build();

  /** Body of one JSON object; the caller writes fields only. */
  @FunctionalInterface
  interface ObjectBody {
    void write(JsonGenerator json) throws IOException;
  }

  private JsonLines() {}

  static String object(ObjectBody body) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.writeStartObject();
      body.write(json);
      json.writeEndObject();
    } catch (IOException e) {
      // A StringWriter never fails; only a bug in a body can get here.
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
