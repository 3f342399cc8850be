package dev.streamer.runtime.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.streamer.runtime.aws.internal.connections.ConnectionLifecycle;

/** The {@code $disconnect} function: deletes the connection record. Builds the connection store only. */
public final class DisconnectFunction {

  private final ConnectionLifecycle lifecycle;
  private final AwsRuntime runtime;
  /** Registered with CRaC when a snapshot is possible, else null (see {@link #priming()}). */
  private final Priming priming;

  public DisconnectFunction(AwsRuntime runtime) {
    this.lifecycle = ConnectionLifecycle.withLazyVerifier(() -> {
      throw new IllegalStateException("$disconnect verifies no token");
    }, runtime.connectionStore(), runtime.log(), runtime.clock())
        .withConnectionCap(TenantControls.connectionCap(runtime), TenantControls.metricsIfCapped(runtime));
    this.runtime = runtime;
    this.priming = runtime.registerPriming(null);
  }

  /** The SnapStart priming registered for this function (outside SnapStart, one that is not registered). */
  public Priming priming() {
    return priming != null ? priming : Priming.unregistered(null, runtime.log());
  }

  public APIGatewayV2WebSocketResponse handle(APIGatewayV2WebSocketEvent event, Context context) {
    return lifecycle.onDisconnect(event, runtime.traceId(event));
  }
}
