package dev.streamer.core;

/**
 * Pushes typed server events to WebSocket connections of one tenant. An action gets one by declaring a parameter of
 * this type (like {@link Progress} and {@link RequestContext}), on the synchronous and the asynchronous path alike;
 * it is scoped to the caller's tenant, so no call can reach another tenant's connections.
 *
 * <p>An event is a record annotated {@code @dev.streamer.annotations.Event("name")}; it reaches clients as
 * {@code {"type":"event","event":"name","data":{…}}}, encoded by its generated codec (no reflection). Any other
 * object is an {@link IllegalArgumentException}. Every method encodes first and throws
 * {@link EventTooLargeException} when the message exceeds 128 KiB, before anything is sent; then sends to every
 * addressed connection concurrently (bounded), deletes connections that are gone (410) and backs off on throttling
 * (429), and returns the {@link Delivery} counts. A connection's failure never throws.
 *
 * <p>Outside an action (a scheduled job, another Lambda), the runtime builds a privileged notifier for an explicit
 * tenant from the environment: {@code dev.streamer.runtime.aws.lambda.EventNotifiers}.
 */
public interface Notifier {

  /** Every connection of the calling user in the caller's tenant (only the calling connection for a caller without a user). */
  Delivery toCaller(Record event);

  /** Every connection of {@code userId} in the caller's tenant; a user of another tenant receives nothing. */
  Delivery toUser(String userId, Record event);

  /** Every connection of the caller's tenant. */
  Delivery toTenant(Record event);

  /** Connection {@code connectionId} if it belongs to the caller's tenant; otherwise nobody ({@link Delivery#NONE}). */
  Delivery toConnection(String connectionId, Record event);

  /** A notifier that refuses every call: where no event delivery is configured (unit tests, a bare router). */
  static Notifier unavailable() {
    return UnavailableNotifier.INSTANCE;
  }
}

enum UnavailableNotifier implements Notifier {
  INSTANCE;

  private static IllegalStateException refused() {
    return new IllegalStateException("no event delivery is configured here (AwsRuntime configures it)");
  }

  @Override
  public Delivery toCaller(Record event) {
    throw refused();
  }

  @Override
  public Delivery toUser(String userId, Record event) {
    throw refused();
  }

  @Override
  public Delivery toTenant(Record event) {
    throw refused();
  }

  @Override
  public Delivery toConnection(String connectionId, Record event) {
    throw refused();
  }
}
