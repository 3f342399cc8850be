package dev.streamer.core.event;

import dev.streamer.core.Delivery;
import dev.streamer.core.EventTooLargeException;
import dev.streamer.core.Notifier;
import dev.streamer.core.protocol.Limits;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The {@link Notifier} of one caller (or, privileged, of one tenant): encodes with the registry's generated codec,
 * refuses a message over {@link Limits#MAX_MESSAGE_BYTES} before sending, and hands the message to the sink with the
 * tenant it was built for. The tenant is fixed at construction, never taken from an argument: that is what makes
 * crossing tenants impossible through this API.
 */
public final class ScopedNotifier implements Notifier {

  private final EventRegistry registry;
  private final EventSink sink;
  private final String tenantId;
  private final String userId;
  private final String connectionId;

  private ScopedNotifier(EventRegistry registry, EventSink sink, String tenantId, String userId,
      String connectionId) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.tenantId = tenantId;
    this.userId = userId;
    this.connectionId = connectionId;
  }

  /**
   * The notifier of an action's caller. A caller without a tenant (an anonymous router call) gets a notifier that
   * refuses with {@link IllegalStateException}.
   */
  public static Notifier forCaller(EventRegistry registry, EventSink sink, String tenantId, String userId,
      String connectionId) {
    if (tenantId == null || tenantId.isBlank()) {
      return Notifier.unavailable();
    }
    return new ScopedNotifier(registry, sink, tenantId, userId, connectionId);
  }

  /**
   * A privileged notifier for {@code tenantId}, for code that runs outside any action; {@link #toCaller} refuses
   * (there is no caller).
   */
  public static Notifier forTenant(EventRegistry registry, EventSink sink, String tenantId) {
    if (tenantId == null || tenantId.isBlank()) {
      throw new IllegalArgumentException("tenantId is required");
    }
    return new ScopedNotifier(registry, sink, tenantId, null, null);
  }

  @Override
  public Delivery toCaller(Record event) {
    Encoded encoded = encode(event);
    if (userId != null) {
      return sink.toUser(tenantId, userId, encoded.name, encoded.message);
    }
    if (connectionId != null) {
      return sink.toConnection(tenantId, connectionId, encoded.name, encoded.message);
    }
    throw new IllegalStateException("toCaller needs a caller: this notifier was built for a tenant only");
  }

  @Override
  public Delivery toUser(String userId, Record event) {
    Objects.requireNonNull(userId, "userId");
    Encoded encoded = encode(event);
    return sink.toUser(tenantId, userId, encoded.name, encoded.message);
  }

  @Override
  public Delivery toTenant(Record event) {
    Encoded encoded = encode(event);
    return sink.toTenant(tenantId, encoded.name, encoded.message);
  }

  @Override
  public Delivery toConnection(String connectionId, Record event) {
    Objects.requireNonNull(connectionId, "connectionId");
    Encoded encoded = encode(event);
    return sink.toConnection(tenantId, connectionId, encoded.name, encoded.message);
  }

  private record Encoded(String name, String message) {}

  @SuppressWarnings({"unchecked", "rawtypes"}) // find returns the type registered under the event's own class
  private Encoded encode(Record event) {
    Objects.requireNonNull(event, "event");
    EventType type = registry.find(event.getClass());
    if (type == null) {
      throw new IllegalArgumentException(event.getClass().getName() + " is not an @Event record of this application");
    }
    String message = type.message(event);
    // each char is at most 3 UTF-8 bytes: a short message needs no encoding to pass
    if ((long) message.length() * 3 > Limits.MAX_MESSAGE_BYTES) {
      int bytes = message.getBytes(StandardCharsets.UTF_8).length;
      if (bytes > Limits.MAX_MESSAGE_BYTES) {
        throw new EventTooLargeException(type.name(), bytes, Limits.MAX_MESSAGE_BYTES);
      }
    }
    return new Encoded(type.name(), message);
  }
}
