package dev.streamer.runtime.aws.lambda;

import dev.streamer.core.Delivery;
import dev.streamer.core.event.EventSink;
import dev.streamer.runtime.aws.internal.connections.EventBroadcaster;
import java.util.function.Supplier;

/** {@link AwsRuntime#events()}: the broadcaster, built when the first event is sent. */
record BroadcasterOnFirstUse(Supplier<EventBroadcaster> broadcaster) implements EventSink {
  /** Typed as the interface here: a caller that made one would load both classes when verified. */
  static EventSink of(Supplier<EventBroadcaster> broadcaster) {
    return new BroadcasterOnFirstUse(broadcaster);
  }

  @Override
  public Delivery toUser(String tenantId, String userId, String event, String message) {
    return broadcaster.get().toUser(tenantId, userId, event, message);
  }

  @Override
  public Delivery toTenant(String tenantId, String event, String message) {
    return broadcaster.get().toTenant(tenantId, event, message);
  }

  @Override
  public Delivery toConnection(String tenantId, String connectionId, String event, String message) {
    return broadcaster.get().toConnection(tenantId, connectionId, event, message);
  }
}
