package dev.streamer.deploy.sam;

import dev.streamer.core.app.HandlerKind;
import dev.streamer.runtime.aws.config.FunctionTimeouts;
import java.time.Duration;

/**
 * Sizing of one function. The router answers within API Gateway's 29-second integration timeout; the stream
 * processor runs the slow actions, so it gets more memory (and CPU with it) and Lambda's longest timeout.
 *
 * @param memoryMb       default memory, MB
 * @param timeoutSeconds default timeout
 * @param description    what the function does
 */
public record FunctionSettings(int memoryMb, int timeoutSeconds, String description) {

  /** API Gateway cuts every integration off after 29 seconds. */
  public static final int API_GATEWAY_TIMEOUT_SECONDS = seconds(FunctionTimeouts.API_GATEWAY_INTEGRATION);
  /** Lambda's maximum. */
  public static final int MAX_TIMEOUT_SECONDS = seconds(FunctionTimeouts.LAMBDA_MAXIMUM);
  public static final int PROCESSOR_MEMORY_MB = 1024;
  /**
   * The worker runs one heavy job per invocation: 1,769 MB is where Lambda gives a function one full vCPU (AWS Lambda
   * Developer Guide, "Configure Lambda function memory").
   */
  public static final int WORKER_MEMORY_MB = 1769;

  public static FunctionSettings of(HandlerKind handler) {
    int timeout = seconds(FunctionTimeouts.of(handler)); // the local stack's deadlines read the same definition
    return switch (handler) {
      case CONNECT -> new FunctionSettings(256, timeout, "$connect: verifies the JWT and stores the connection");
      case DISCONNECT -> new FunctionSettings(256, timeout, "$disconnect: deletes the connection record");
      case DEFAULT -> new FunctionSettings(256, timeout,
          "$default: routes each message; answers fast actions, queues slow ones");
      case STREAM_PROCESSOR -> new FunctionSettings(PROCESSOR_MEMORY_MB, timeout,
          "Runs queued requests from the requests table's stream; sends progress and results");
      case SWEEPER -> new FunctionSettings(256, timeout, "Every minute, sweeping every SWEEP_INTERVAL: re-drives due retries and expired leases");
      case WORKER -> new FunctionSettings(WORKER_MEMORY_MB, timeout,
          "Runs one request of an isolated action per invocation, invoked asynchronously by the stream processor");
    };
  }

  private static int seconds(Duration d) {
    return Math.toIntExact(d.toSeconds());
  }
}
