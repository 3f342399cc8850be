package dev.streamer.test.unit;

import dev.streamer.core.Delivery;
import dev.streamer.core.Notifier;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link Notifier} that records every event an action sends, in order, and delivers nothing. Give it to
 * {@link TestContext.Builder#notifier} (or pass it as the action's {@code Notifier} argument) and assert on
 * {@link #sent()}. Each call answers {@code Delivery(1, 0, 0)}, as if one connection received the event. Thread-safe.
 */
public final class RecordingNotifier implements Notifier {

  /** Whom an event was addressed to. */
  public enum Audience { CALLER, USER, TENANT, CONNECTION }

  /**
   * One event sent.
   *
   * @param audience whom it was addressed to
   * @param target   the user id ({@link Audience#USER}) or connection id ({@link Audience#CONNECTION}); null otherwise
   * @param event    the event record
   */
  public record Sent(Audience audience, String target, Record event) {}

  private static final Delivery ONE = new Delivery(1, 0, 0);

  private final List<Sent> sent = new CopyOnWriteArrayList<>();

  @Override
  public Delivery toCaller(Record event) {
    return record(Audience.CALLER, null, event);
  }

  @Override
  public Delivery toUser(String userId, Record event) {
    return record(Audience.USER, Objects.requireNonNull(userId, "userId"), event);
  }

  @Override
  public Delivery toTenant(Record event) {
    return record(Audience.TENANT, null, event);
  }

  @Override
  public Delivery toConnection(String connectionId, Record event) {
    return record(Audience.CONNECTION, Objects.requireNonNull(connectionId, "connectionId"), event);
  }

  /** Every event sent so far, in order. */
  public List<Sent> sent() {
    return List.copyOf(sent);
  }

  /** The events of type {@code type} sent so far, in order. */
  public <E extends Record> List<E> events(Class<E> type) {
    return sent.stream().map(Sent::event).filter(type::isInstance).map(type::cast).toList();
  }

  private Delivery record(Audience audience, String target, Record event) {
    sent.add(new Sent(audience, target, Objects.requireNonNull(event, "event")));
    return ONE;
  }
}
