package dev.streamer.runtime.aws.config;

import dev.streamer.core.protocol.Limits;
import dev.streamer.runtime.aws.internal.env.EnvDuration;
import dev.streamer.runtime.aws.internal.processor.ProcessorSettings;
import dev.streamer.runtime.aws.internal.processor.SweepSchedule;
import dev.streamer.runtime.aws.internal.progress.BatchedProgress;
import dev.streamer.runtime.aws.tables.StreamerTables;
import dev.streamer.runtime.aws.tables.TableNames;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Runtime configuration of the generated Lambda handlers, read from environment variables by
 * {@link #fromEnvironment(Map)}. Durations are written with a unit ({@code 200ms}, {@code 5s}, {@code 7d}) or in
 * ISO-8601 ({@code PT5S}). JWT settings ({@code JWT_*}) are read by the auth configuration; logging and metrics
 * settings ({@code SERVICE_NAME}, {@code LOG_LEVEL}, {@code METRICS_NAMESPACE}) by the observability classes.
 * {@link EnvironmentVariables} lists every variable any handler reads, with its default.
 *
 * <table>
 *   <caption>Environment variables</caption>
 *   <tr><th>variable</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code REQUESTS_TABLE}</td><td>{@code streamer-requests}</td><td>requests table name</td></tr>
 *   <tr><td>{@code CONNECTIONS_TABLE}</td><td>{@code streamer-connections}</td><td>connections table name</td></tr>
 *   <tr><td>{@code AWS_REGION}</td><td>{@code AWS_DEFAULT_REGION}, else {@code us-east-1}</td><td>region of
 *       every client (Lambda always sets it)</td></tr>
 *   <tr><td>{@code DYNAMODB_ENDPOINT}</td><td>none</td><td>DynamoDB endpoint override (DynamoDB Local)</td></tr>
 *   <tr><td>{@code WEBSOCKET_ENDPOINT}</td><td>none</td><td>Management API endpoint override
 *       ({@code https://{api-id}.execute-api.{region}.amazonaws.com/{stage}} or a local one); without it the
 *       endpoint comes from the {@code $connect} event and is stored with the connection</td></tr>
 *   <tr><td>{@code STREAMER_ASYNC_THRESHOLD}</td><td>none (the compiled decision)</td><td>actions estimated longer
 *       than this are queued</td></tr>
 *   <tr><td>{@code MAX_RETRIES}</td><td>3</td><td>retries of a request after its first attempt</td></tr>
 *   <tr><td>{@code RETRY_DELAY}</td><td>5s</td><td>base of the exponential backoff (full jitter)</td></tr>
 *   <tr><td>{@code RETRY_MAX_DELAY}</td><td>15m</td><td>cap of the backoff</td></tr>
 *   <tr><td>{@code LAMBDA_TIMEOUT_BUFFER}</td><td>1s</td><td>time kept back from the Lambda's remaining time to
 *       record a TIMEOUT</td></tr>
 *   <tr><td>{@code REQUEST_TTL}</td><td>7d</td><td>how long request items are kept</td></tr>
 *   <tr><td>{@code CONNECTION_TTL}</td><td>24h</td><td>how long connection items are kept; at least
 *       {@code PT2H1M}</td></tr>
 *   <tr><td>{@code PROGRESS_INTERVAL}</td><td>200ms</td><td>least time between two progress messages of one
 *       request</td></tr>
 *   <tr><td>{@code STALE_PENDING_AFTER}</td><td>2m</td><td>a PENDING request this old without a pending retry is
 *       re-driven by the sweeper (its stream record was lost)</td></tr>
 *   <tr><td>{@code SWEEP_LIMIT}</td><td>500</td><td>most requests one sweep acts on</td></tr>
 *   <tr><td>{@code SWEEP_INTERVAL}</td><td>20s</td><td>time between two sweeps of one (once a minute) sweeper
 *       invocation</td></tr>
 *   <tr><td>{@code PROCESSOR_CONCURRENCY}</td><td>10 (the batch size)</td><td>most jobs of one batch running at
 *       once</td></tr>
 *   <tr><td>{@code LEASE_DURATION}</td><td>60s</td><td>how long a claim holds a request without renewal; a crashed
 *       job is re-run after it</td></tr>
 *   <tr><td>{@code SEND_MAX_ATTEMPTS}</td><td>4</td><td>calls per {@code @connections} send on 429, 5xx or a
 *       network error (read by {@code SendRetryPolicy})</td></tr>
 *   <tr><td>{@code SEND_BACKOFF_BASE}</td><td>50ms</td><td>first backoff ceiling between those calls (full
 *       jitter)</td></tr>
 *   <tr><td>{@code SEND_BACKOFF_MAX}</td><td>1s</td><td>largest backoff ceiling between those calls</td></tr>
 * </table>
 *
 * @param tables             table names
 * @param region             AWS region
 * @param dynamoDbEndpoint   DynamoDB endpoint override, or null
 * @param websocketEndpoint  Management API endpoint override, or null
 * @param asyncThreshold     runtime async threshold, or null for the compiled decision
 * @param maxRetries         retries after the first attempt
 * @param retryDelay         backoff base
 * @param retryMaxDelay      backoff cap
 * @param timeoutBuffer      time kept back from the remaining Lambda time
 * @param requestTtl         request item lifetime
 * @param connectionTtl      connection item lifetime
 * @param progressInterval   progress throttle
 * @param stalePendingAfter  age at which a PENDING request is re-driven
 * @param sweepLimit         most requests per sweep
 * @param sweepInterval      time between two sweeps of one sweeper invocation
 * @param processorConcurrency most jobs of one batch running at once
 * @param leaseDuration      how long a claim holds a request without renewal
 */
public record StreamerConfig(
    TableNames tables,
    String region,
    URI dynamoDbEndpoint,
    URI websocketEndpoint,
    Duration asyncThreshold,
    int maxRetries,
    Duration retryDelay,
    Duration retryMaxDelay,
    Duration timeoutBuffer,
    Duration requestTtl,
    Duration connectionTtl,
    Duration progressInterval,
    Duration stalePendingAfter,
    int sweepLimit,
    Duration sweepInterval,
    int processorConcurrency,
    Duration leaseDuration) {

  public static final int DEFAULT_MAX_RETRIES = 3;
  /**
   * The shortest {@code CONNECTION_TTL}, in seconds: API Gateway's longest connection ({@link Limits}, 2 hours) and a
   * minute for the {@code $connect} that stored the item (its expiry counts from then, in whole seconds).
   */
  public static final long MIN_CONNECTION_TTL_SECONDS = Limits.MAX_CONNECTION_SECONDS + 60;
  public static final String DEFAULT_REGION = "us-east-1";

  public StreamerConfig {
    Objects.requireNonNull(tables, "tables");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(retryDelay, "retryDelay");
    Objects.requireNonNull(retryMaxDelay, "retryMaxDelay");
    Objects.requireNonNull(timeoutBuffer, "timeoutBuffer");
    Objects.requireNonNull(requestTtl, "requestTtl");
    Objects.requireNonNull(connectionTtl, "connectionTtl");
    if (connectionTtl.getSeconds() < MIN_CONNECTION_TTL_SECONDS) {
      // an item that expires before API Gateway closes its connection would refuse that live connection's messages
      throw new IllegalArgumentException("CONNECTION_TTL must be at least PT2H1M: API Gateway's longest connection, "
          + "2 hours, and a minute for the $connect that stored it");
    }
    Objects.requireNonNull(progressInterval, "progressInterval");
    Objects.requireNonNull(stalePendingAfter, "stalePendingAfter");
    if (maxRetries < 0) {
      throw new IllegalArgumentException("MAX_RETRIES must not be negative");
    }
    if (retryMaxDelay.compareTo(retryDelay) < 0) {
      throw new IllegalArgumentException("RETRY_MAX_DELAY must not be shorter than RETRY_DELAY");
    }
    if (sweepLimit < 1) {
      throw new IllegalArgumentException("SWEEP_LIMIT must be at least 1");
    }
    Objects.requireNonNull(sweepInterval, "sweepInterval");
    Objects.requireNonNull(leaseDuration, "leaseDuration");
    if (sweepInterval.isZero() || sweepInterval.isNegative()) {
      throw new IllegalArgumentException("SWEEP_INTERVAL must be positive");
    }
    if (processorConcurrency < 1) {
      throw new IllegalArgumentException("PROCESSOR_CONCURRENCY must be at least 1");
    }
    if (leaseDuration.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("LEASE_DURATION must be at least 1s");
    }
  }

  /** Every default: what an empty environment gives. */
  public static StreamerConfig defaults() {
    return fromEnvironment(Map.of());
  }

  /** Reads the variables above; throws {@link IllegalArgumentException} naming the variable on a bad value. */
  public static StreamerConfig fromEnvironment(Map<String, String> env) {
    return new StreamerConfig(
        new TableNames(text(env, "REQUESTS_TABLE", TableNames.DEFAULT_REQUESTS),
            text(env, "CONNECTIONS_TABLE", TableNames.DEFAULT_CONNECTIONS)),
        text(env, "AWS_REGION", text(env, "AWS_DEFAULT_REGION", DEFAULT_REGION)),
        uri(env, "DYNAMODB_ENDPOINT"),
        uri(env, "WEBSOCKET_ENDPOINT"),
        duration(env, "STREAMER_ASYNC_THRESHOLD", null),
        integer(env, "MAX_RETRIES", DEFAULT_MAX_RETRIES),
        duration(env, "RETRY_DELAY", Duration.ofSeconds(ProcessorSettings.DEFAULT_RETRY_DELAY_SECONDS)),
        duration(env, "RETRY_MAX_DELAY",
            Duration.ofMinutes(ProcessorSettings.DEFAULT_RETRY_MAX_DELAY_MINUTES)),
        duration(env, "LAMBDA_TIMEOUT_BUFFER",
            Duration.ofSeconds(ProcessorSettings.DEFAULT_TIMEOUT_BUFFER_SECONDS)),
        // defaults by their compile-time constants: reading the Duration fields would initialise StreamerTables (every
        // table definition), ProcessorSettings, BatchedProgress and SweepSchedule on every cold start
        duration(env, "REQUEST_TTL", Duration.ofDays(StreamerTables.DEFAULT_REQUEST_TTL_DAYS)),
        duration(env, "CONNECTION_TTL", Duration.ofHours(StreamerTables.DEFAULT_CONNECTION_TTL_HOURS)),
        duration(env, "PROGRESS_INTERVAL", Duration.ofMillis(BatchedProgress.DEFAULT_INTERVAL_MILLIS)),
        duration(env, "STALE_PENDING_AFTER",
            Duration.ofMinutes(ProcessorSettings.DEFAULT_STALE_PENDING_AFTER_MINUTES)),
        integer(env, "SWEEP_LIMIT", ProcessorSettings.DEFAULT_SWEEP_LIMIT),
        duration(env, "SWEEP_INTERVAL", Duration.ofSeconds(SweepSchedule.DEFAULT_INTERVAL_SECONDS)),
        integer(env, "PROCESSOR_CONCURRENCY", ProcessorSettings.DEFAULT_CONCURRENCY),
        duration(env, "LEASE_DURATION", Duration.ofSeconds(ProcessorSettings.DEFAULT_LEASE_DURATION_SECONDS)));
  }

  /** The processor and sweeper settings these values make. */
  public ProcessorSettings processorSettings() {
    return new ProcessorSettings(timeoutBuffer, new dev.streamer.runtime.aws.internal.processor.Backoff(retryDelay,
        retryMaxDelay), stalePendingAfter, sweepLimit, processorConcurrency, leaseDuration, sweepInterval);
  }

  private static String text(Map<String, String> env, String name, String fallback) {
    String value = env.get(name);
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  /**
   * {@code name} parsed by {@link EnvDuration}, or {@code fallback} when unset or blank: a configuration of defaults
   * (the usual one) does not load the parser.
   */
  private static Duration duration(Map<String, String> env, String name, Duration fallback) {
    String value = env.get(name);
    return value == null || value.isBlank() ? fallback : EnvDuration.parse(name, value);
  }

  private static int integer(Map<String, String> env, String name, int fallback) {
    String value = text(env, name, null);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + ": '" + value + "' is not an integer");
    }
  }

  private static URI uri(Map<String, String> env, String name) {
    String value = text(env, name, null);
    if (value == null) {
      return null;
    }
    try {
      URI uri = URI.create(value);
      if (uri.getScheme() == null || uri.getHost() == null
          || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
        throw new IllegalArgumentException(name + ": '" + value + "' is not an http(s) URL");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": '" + value + "' is not an http(s) URL");
    }
  }
}
