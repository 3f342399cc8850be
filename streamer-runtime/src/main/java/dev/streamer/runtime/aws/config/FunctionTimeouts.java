package dev.streamer.runtime.aws.config;

import dev.streamer.core.app.HandlerKind;
import java.time.Duration;

/**
 * Each function's Lambda timeout, defined once: the SAM template's {@code Timeout}s and the local stack's invocation
 * deadlines ({@code Context.getRemainingTimeInMillis}) both read it.
 *
 * <p>Sources: API Gateway ends every integration after 29 seconds ("Quotas for configuring and running a WebSocket
 * in API Gateway"), so a route's function gets no more; Lambda's largest timeout is 900 seconds ("Lambda quotas").
 */
public final class FunctionTimeouts {

  /**
   * API Gateway's integration timeout in milliseconds: 29 s, not adjustable. A compile-time constant, so that
   * {@code $default}'s deadline reads it without loading this class at a cold start.
   */
  public static final long API_GATEWAY_INTEGRATION_MILLIS = 29_000;
  /** API Gateway's integration timeout: 29 s, not adjustable. */
  public static final Duration API_GATEWAY_INTEGRATION = Duration.ofMillis(API_GATEWAY_INTEGRATION_MILLIS);
  /** Lambda's largest function timeout in milliseconds: 15 minutes (a compile-time constant, as above). */
  public static final long LAMBDA_MAXIMUM_MILLIS = 15 * 60 * 1000;
  /** Lambda's largest function timeout: 15 minutes. */
  public static final Duration LAMBDA_MAXIMUM = Duration.ofMillis(LAMBDA_MAXIMUM_MILLIS);

  private FunctionTimeouts() {}

  /** The default timeout of the function of {@code kind}. */
  public static Duration of(HandlerKind kind) {
    return switch (kind) {
      case CONNECT, DISCONNECT -> Duration.ofSeconds(10); // a JWT check and one write; far under API Gateway's 29 s
      case DEFAULT -> API_GATEWAY_INTEGRATION;
      case STREAM_PROCESSOR, WORKER -> LAMBDA_MAXIMUM; // the longest a queued (or isolated) job may run
      case SWEEPER -> Duration.ofMinutes(1); // invoked once a minute, sweeping until the next invocation
    };
  }
}
