package dev.streamer.core.event;

import com.fasterxml.jackson.core.JsonParser;
import dev.streamer.core.json.JsonReader;
import dev.streamer.core.json.JsonWriter;
import dev.streamer.core.protocol.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One server event: its name on the wire, its record type and the record's generated codec. Generated as a constant
 * of {@code <App>Events} for every {@code @Event} record; the Java client takes it to listen
 * ({@code client.onEvent(SampleEvents.ANNOUNCEMENT, a -> …)}).
 *
 * @param name   event name on the wire, {@code [a-z][a-z0-9_]*}
 * @param type   the record class
 * @param writer the record's generated encoder
 * @param reader the record's generated decoder
 * @param <E>    the record
 */
public record EventType<E extends Record>(String name, Class<E> type, JsonWriter<E> writer, JsonReader<E> reader) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  public EventType {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(writer, "writer");
    Objects.requireNonNull(reader, "reader");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("event name must match [a-z][a-z0-9_]*: " + name);
    }
  }

  /** The wire message {@code {"type":"event","event":name,"data":{…}}} of {@code event}. */
  public String message(E event) {
    Objects.requireNonNull(event, "event");
    try {
      return Messages.event(name, g -> writer.write(g, event));
    } catch (IOException e) {
      throw new UncheckedIOException("event " + name + " could not be encoded", e);
    }
  }

  /** Reads the event's {@code data} from a parser positioned on its first token. */
  public E read(JsonParser parser) throws IOException {
    return reader.read(parser);
  }
}
