package dev.streamer.runtime.aws.lambda;

import dev.streamer.runtime.aws.internal.builtins.QueuePosition;
import dev.streamer.runtime.aws.internal.limits.ConnectionCap;
import dev.streamer.runtime.aws.internal.limits.RunningCaps;
import dev.streamer.runtime.aws.internal.limits.Slots;
import dev.streamer.runtime.aws.internal.limits.TenantConcurrency;
import java.util.Optional;

/** The tenant controls a function needs, built from its runtime (each reads its own variables). */
final class TenantControls {

  private TenantControls() {}

  /** {@code MAX_RUNNING_PER_TENANT}'s gate, or empty when no cap is set. */
  static Optional<TenantConcurrency> concurrency(AwsRuntime runtime) {
    return concurrency(runtime, RunningCaps.fromEnvironment(runtime.environment()));
  }

  /** The gate of {@code caps} (read from the runtime's environment), or empty when no cap is set. */
  static Optional<TenantConcurrency> concurrency(AwsRuntime runtime, RunningCaps caps) {
    if (caps.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new TenantConcurrency(runtime.dynamoDb(), runtime.config().tables().connections(), caps,
        requestId -> runtime.requestStore().redrive(requestId).isPresent(), runtime.clock()));
  }

  /** Where a deferred job waits, for {@code status}. */
  static QueuePosition positions(Optional<TenantConcurrency> gate) {
    return pending -> gate
        .map(g -> g.position(pending.requestId(), pending.tenantId(), pending.action()))
        .map(d -> new QueuePosition.Queued(d.position(), d.running(), d.cap(), RunningCaps.ENV))
        .orElse(null);
  }

  /**
   * The per-user connection cap ({@code MAX_CONNECTIONS_PER_USER}), or null for none. Only then do the connection
   * functions build metrics ({@code ConnectionLimited}).
   */
  static ConnectionCap connectionCap(AwsRuntime runtime) {
    int max = ConnectionCap.maxFromEnvironment(runtime.environment());
    return max == 0 ? null : new ConnectionCap(new Slots(runtime.dynamoDb(), runtime.connectionStore().tableName(),
        runtime.clock()), max, id -> runtime.connectionStore().get(id).isPresent(), runtime.clock());
  }

  /** The runtime's metrics when a connection cap is set (they report refusals), else null: nothing read. */
  static dev.streamer.runtime.aws.internal.observability.Metrics metricsIfCapped(AwsRuntime runtime) {
    return ConnectionCap.maxFromEnvironment(runtime.environment()) == 0 ? null : runtime.metrics();
  }
}
