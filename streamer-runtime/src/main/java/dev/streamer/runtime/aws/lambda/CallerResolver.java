package dev.streamer.runtime.aws.lambda;

import dev.streamer.runtime.aws.internal.connections.ConnectionStore;
import dev.streamer.core.routing.Caller;
import java.util.Optional;

/**
 * Who is behind a connection: the user, tenant and kept claims stored when it connected. Never taken from the
 * message itself, which the client controls.
 */
@FunctionalInterface
public interface CallerResolver {

  /** The caller of {@code connectionId} with {@code traceId} attached, or empty for an unknown connection. */
  Optional<Caller> resolve(String connectionId, String traceId);

  /**
   * Callers as {@code $connect} stored them in the connections table (expired records count as unknown): the store
   * itself, not an adapter, which would be one class more at every {@code $default} cold start.
   */
  static CallerResolver fromStore(ConnectionStore store) {
    return store;
  }
}
