package dev.streamer.runtime.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.streamer.runtime.aws.internal.auth.JwtConfig;
import dev.streamer.runtime.aws.internal.auth.JwtVerifier;
import dev.streamer.runtime.aws.internal.connections.ConnectionLifecycle;
import java.util.function.Supplier;

/**
 * The {@code $connect} function: verifies the JWT and stores the connection; 401 on failure. Builds the connection
 * store at once and the JWT verifier on the first connect ({@code JWT_*} settings are read then, so a
 * misconfiguration answers that connect 500 and names the variable in the log).
 */
public final class ConnectFunction {

  private final ConnectionLifecycle lifecycle;
  private final AwsRuntime runtime;
  /** Registered with CRaC when a snapshot is possible, else made when first asked ({@link #priming()}). */
  private volatile Priming priming;

  public ConnectFunction(AwsRuntime runtime) {
    this.lifecycle = ConnectionLifecycle.withLazyVerifier(new VerifierOnFirstConnect(runtime),
        runtime.connectionStore(), runtime.log(), runtime.clock())
        .withConnectionCap(TenantControls.connectionCap(runtime), TenantControls.metricsIfCapped(runtime));
    this.runtime = runtime;
    this.priming = runtime.registerPriming(null);
  }

  /**
   * The JWT verifier, configured from the {@code JWT_*} variables when the first connect asks for it. A named class,
   * not a lambda, which would spin a class and its method handles at every cold start.
   */
  private record VerifierOnFirstConnect(AwsRuntime runtime) implements Supplier<JwtVerifier> {
    @Override
    public JwtVerifier get() {
      return new JwtVerifier(JwtConfig.fromEnvironment(runtime.environment()), runtime.clock());
    }
  }

  /** The SnapStart priming registered for this function (outside SnapStart, one that is not registered). */
  public Priming priming() {
    Priming current = priming;
    if (current == null) { // racing callers make two equal, unregistered primings: harmless
      current = Priming.unregistered(null, runtime.log());
      priming = current;
    }
    return current;
  }

  public APIGatewayV2WebSocketResponse handle(APIGatewayV2WebSocketEvent event, Context context) {
    return lifecycle.onConnect(event, runtime.traceId(event));
  }
}
