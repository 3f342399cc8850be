package dev.streamer.core.event;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every event type of one application, by record class and by name. Generated as {@code <App>Events.REGISTRY}; the
 * generated route table returns it from {@link dev.streamer.core.routing.RouteTable#events()}.
 */
public interface EventRegistry {

  /** The event type of {@code type}, or null when that record is not an {@code @Event} of this application. */
  <E extends Record> EventType<E> find(Class<E> type);

  /** The event type named {@code name}, or null. */
  EventType<?> named(String name);

  /** Every event type, sorted by name. */
  Collection<EventType<?>> types();

  /** The registry of an application without events. */
  static EventRegistry empty() {
    return of(List.of());
  }

  /** A registry of {@code types}; throws {@link IllegalArgumentException} on a duplicate name or record. */
  static EventRegistry of(Collection<? extends EventType<?>> types) {
    Map<Class<?>, EventType<?>> byType = new LinkedHashMap<>();
    Map<String, EventType<?>> byName = new java.util.TreeMap<>();
    for (EventType<?> type : types) {
      if (byName.putIfAbsent(type.name(), type) != null) {
        throw new IllegalArgumentException("duplicate event name: " + type.name());
      }
      if (byType.putIfAbsent(type.type(), type) != null) {
        throw new IllegalArgumentException("record registered twice: " + type.type().getName());
      }
    }
    List<EventType<?>> sorted = List.copyOf(byName.values());
    Map<Class<?>, EventType<?>> classes = Map.copyOf(byType);
    Map<String, EventType<?>> names = Map.copyOf(byName);
    return new EventRegistry() {
      @Override
      @SuppressWarnings("unchecked") // registered under its own class
      public <E extends Record> EventType<E> find(Class<E> type) {
        return (EventType<E>) classes.get(type);
      }

      @Override
      public EventType<?> named(String name) {
        return name == null ? null : names.get(name);
      }

      @Override
      public Collection<EventType<?>> types() {
        return sorted;
      }
    };
  }

  static EventRegistry of(EventType<?>... types) {
    return of(List.of(types));
  }
}
