package dev.streamer.core.routing;

import com.fasterxml.jackson.core.JsonParser;
import dev.streamer.core.event.EventRegistry;
import dev.streamer.core.protocol.Envelope;
import java.io.IOException;
import java.util.Collection;

/**
 * All routes of one application, by action name. Generated as {@code <App>RouteTable}. It is also the decoder the
 * router hands the envelope reader ({@link #decode}).
 */
public interface RouteTable extends Envelope.PayloadDecoder {

  /** Application name ({@code -Astreamer.app}). */
  String appName();

  /** The route for {@code action}, or null when there is none. */
  Route<?, ?> find(String action);

  /** Every route, in a stable order (by action name). */
  Collection<Route<?, ?>> routes();

  /** The application's {@code @Event} types (generated {@code <App>Events.REGISTRY}); none by default. */
  default EventRegistry events() {
    return EventRegistry.empty();
  }

  /**
   * Decodes {@code action}'s payload with its route during the envelope's pass ({@link Envelope#read(byte[],
   * Envelope.PayloadDecoder)}), the parser on the payload's first token; {@link Envelope#SKIP} for an action this
   * table does not know. The table itself rather than an adapter: one class fewer on every cold start.
   */
  @Override
  default Object decode(String action, JsonParser parser) throws IOException {
    Route<?, ?> route = find(action);
    return route == null ? Envelope.SKIP : route.decode(parser);
  }
}
