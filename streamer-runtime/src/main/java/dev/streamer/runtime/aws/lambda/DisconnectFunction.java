package dev.streamer.runtime.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.streamer.runtime.aws.internal.connections.ConnectionLifecycle;

/** The {@code $disconnect} function: deletes the connection record. Builds the connection store only. */
public final class DisconnectFunction {

  private final ConnectionLifecycle lifecycle;
  private final Priming priming;

  public DisconnectFunction(AwsRuntime runtime) {
    this.lifecycle = ConnectionLifecycle.withLazyVerifier(() -> {
      throw new IllegalStateException("$disconnect verifies no token");
    }, runtime.connectionStore(), runtime.log(), runtime.clock())
        .withConnectionCap(TenantControls.connectionCap(runtime), TenantControls.metricsIfCapped(runtime));
    this.priming = Priming.register(null, runtime.log(), runtime.environment());
  }

  /** The SnapStart priming registered for this function. */
  public Priming priming() {
    return priming;
  }

  public APIGatewayV2WebSocketResponse handle(APIGatewayV2WebSocketEvent event, Context context) {
    return lifecycle.onDisconnect(event);
  }
}
