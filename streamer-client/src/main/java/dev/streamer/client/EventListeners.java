package dev.streamer.client;

import com.fasterxml.jackson.core.JsonParser;
import dev.streamer.core.json.Json;
import dev.streamer.core.json.JsonReader;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The client's server-event listeners by event name. Each listener decodes the event's {@code data} with the
 * record's generated reader; data that does not decode, or a listener that throws, is logged and skipped, never
 * breaking the client or the other listeners.
 */
final class EventListeners {

  private static final Logger LOG = Logger.getLogger(EventListeners.class.getName());

  private final Map<String, List<Consumer<String>>> byEvent = new ConcurrentHashMap<>();

  <E> Runnable add(String event, JsonReader<E> reader, Consumer<? super E> listener) {
    Consumer<String> decoding = data -> {
      E value;
      try (JsonParser parser = Json.FACTORY.createParser(data == null ? "null" : data)) {
        parser.nextToken();
        value = reader.read(parser);
      } catch (IOException | RuntimeException malformed) {
        LOG.log(Level.WARNING, "event " + event + " could not be decoded; listener skipped", malformed);
        return;
      }
      listener.accept(value);
    };
    List<Consumer<String>> listeners = byEvent.computeIfAbsent(event, e -> new CopyOnWriteArrayList<>());
    listeners.add(decoding);
    return () -> listeners.remove(decoding);
  }

  /** Calls every listener of {@code event} with its raw {@code data}, in the order they were added. */
  void dispatch(String event, String data) {
    if (event == null) {
      return;
    }
    for (Consumer<String> listener : byEvent.getOrDefault(event, List.of())) {
      try {
        listener.accept(data);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "a listener of event " + event + " threw", e);
      }
    }
  }
}
