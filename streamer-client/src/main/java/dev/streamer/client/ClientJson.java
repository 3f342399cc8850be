package dev.streamer.client;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import dev.streamer.core.json.Json;
import dev.streamer.core.json.JsonReader;
import dev.streamer.core.protocol.ErrorCode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;

/** The JSON text a {@link StreamerClient} writes (request envelopes) and checks or reads (payloads, results). */
final class ClientJson {

  private ClientJson() {}

  /** A typed result from its raw JSON; a failure is an {@code INTERNAL_ERROR} the request's future fails with. */
  static <R> R readResult(String raw, JsonReader<R> reader) {
    try (JsonParser p = Json.FACTORY.createParser(raw)) {
      p.nextToken();
      return reader.read(p);
    } catch (IOException e) {
      throw new CompletionException(StreamerClientException.of(ErrorCode.INTERNAL_ERROR,
          "result could not be read: " + e.getMessage(), null));
    }
  }

  static boolean isOneJsonValue(String json) {
    try (JsonParser p = Json.FACTORY.createParser(json)) {
      if (p.nextToken() == null) {
        return false;
      }
      p.skipChildren();
      return p.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }

  /** {@code {"id":…,"action":…,"payload":…}}, the payload as given (raw JSON) and left out when null. */
  static String envelope(String clientId, String action, String payloadJson) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("id", clientId);
      g.writeStringField("action", action);
      if (payloadJson != null) {
        g.writeFieldName("payload");
        g.writeRawValue(payloadJson);
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** {@code text} as a JSON string literal. */
  static String quote(String text) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      g.writeString(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
