package dev.streamer.deploy.sam;

import dev.streamer.core.app.HandlerKind;
import dev.streamer.runtime.aws.internal.processor.IsolatedExecution;

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
  public static final int API_GATEWAY_TIMEOUT_SECONDS = 29;
  /** Lambda's maximum. */
  public static final int MAX_TIMEOUT_SECONDS = 900;
  public static final int PROCESSOR_MEMORY_MB = 1024;
  /**
   * The worker runs one heavy job per invocation: 1,769 MB is where Lambda gives a function one full vCPU (AWS Lambda
   * Developer Guide, "Configure Lambda function memory").
   */
  public static final int WORKER_MEMORY_MB = 1769;

  public static FunctionSettings of(HandlerKind handler) {
    return switch (handler) {
      case CONNECT -> new FunctionSettings(256, 10, "$connect: verifies the JWT and stores the connection");
      case DISCONNECT -> new FunctionSettings(256, 10, "$disconnect: deletes the connection record");
      case DEFAULT -> new FunctionSettings(256, API_GATEWAY_TIMEOUT_SECONDS,
          "$default: routes each message; answers fast actions, queues slow ones");
      case STREAM_PROCESSOR -> new FunctionSettings(PROCESSOR_MEMORY_MB, MAX_TIMEOUT_SECONDS,
          "Runs queued requests from the requests table's stream; sends progress and results");
      case SWEEPER -> new FunctionSettings(256, 60, "Every minute, sweeping every SWEEP_INTERVAL: re-drives due retries and expired leases");
      case WORKER -> new FunctionSettings(WORKER_MEMORY_MB,
          (int) IsolatedExecution.WORKER_TIMEOUT.toSeconds(),
          "Runs one request of an isolated action per invocation, invoked asynchronously by the stream processor");
    };
  }
}
