package dev.streamer.runtime.aws.lambda;

import dev.streamer.core.routing.Caller;
import dev.streamer.runtime.aws.internal.connections.ConnectionStore;
import java.util.Optional;

/**
 * {@link CallerResolver#fromStore}: callers as {@code $connect} stored them. A named class rather than lambdas,
 * which the {@code $default} cold start would spin.
 */
final class StoredCallers implements CallerResolver {
  private final ConnectionStore store;

  StoredCallers(ConnectionStore store) {
    this.store = store;
  }

  @Override
  public Optional<Caller> resolve(String connectionId, String traceId) {
    return store.caller(connectionId, traceId);
  }
}
