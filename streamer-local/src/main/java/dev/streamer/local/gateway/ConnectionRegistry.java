package dev.streamer.local.gateway;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The gateway's open connections by id: what {@code @connections} looks up. */
public final class ConnectionRegistry {

  private final ConcurrentMap<String, GatewayConnection> open = new ConcurrentHashMap<>();

  void add(GatewayConnection connection) {
    open.put(connection.connectionId(), connection);
  }

  boolean remove(GatewayConnection connection) {
    return open.remove(connection.connectionId(), connection);
  }

  public Optional<GatewayConnection> find(String connectionId) {
    return Optional.ofNullable(open.get(connectionId));
  }

  public int size() {
    return open.size();
  }

  /** A snapshot of the open connections. */
  public Collection<GatewayConnection> all() {
    return List.copyOf(open.values());
  }
}
