package dev.streamer.core.routing;

import dev.streamer.core.Notifier;
import dev.streamer.core.Progress;
import dev.streamer.core.RequestContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Settings of a {@link Router}. Build with {@link #builder()}; {@link #defaults()} has every default.
 *
 * @param maxMessageBytes largest accepted message in UTF-8 bytes (default {@value #DEFAULT_MAX_MESSAGE_BYTES},
 *                        128 KiB, API Gateway's frame limit)
 * @param asyncThreshold  runtime override of the compiled sync/async decision: when set, an action is async iff its
 *                        estimated duration is strictly greater; null keeps each route's compiled {@code async()}.
 *                        A payload's {@code @QueueWhen} decision still comes first.
 * @param clock           clock for request timestamps and retry times
 * @param idGenerator     makes server-side request ids; null (the default) for {@link RequestIds#next()}: random
 *                        UUIDs from a {@code SecureRandom}, drawn in batches, which the router calls directly
 * @param interceptors    middleware, first one outermost
 * @param syncProgress    the progress reporter a synchronous action gets, asked only for a route that
 *                        {@linkplain Route#takesProgress() takes one} (the others get null, which interceptors see as
 *                        {@link Progress#none()}); null (the default) for {@link Progress#none()}
 * @param notifiers       the {@link Notifier} of a caller, which actions get (default {@link Notifier#unavailable()})
 * @param internalErrors  where requests answered with INTERNAL_ERROR are logged, with their cause (default
 *                        {@link InternalErrorLog#systemLogger()}; the AWS runtime logs one JSON line)
 */
public record RouterConfig(
    int maxMessageBytes,
    Duration asyncThreshold,
    Clock clock,
    Supplier<String> idGenerator,
    List<Interceptor> interceptors,
    Function<RequestContext, Progress> syncProgress,
    Function<Caller, Notifier> notifiers,
    InternalErrorLog internalErrors) {

  public static final int DEFAULT_MAX_MESSAGE_BYTES = dev.streamer.core.protocol.Limits.MAX_MESSAGE_BYTES;

  public RouterConfig {
    if (maxMessageBytes <= 0) {
      throw new IllegalArgumentException("maxMessageBytes must be positive: " + maxMessageBytes);
    }
    if (asyncThreshold != null && asyncThreshold.isNegative()) {
      throw new IllegalArgumentException("asyncThreshold must not be negative: " + asyncThreshold);
    }
    clock = clock == null ? Clock.systemUTC() : clock;
    // idGenerator and syncProgress stay null for their defaults, which the router applies itself: an object for
    // each would be a class more at every cold start (a lambda would spin one)
    interceptors = interceptors == null ? List.of() : List.copyOf(interceptors);
    notifiers = notifiers == null ? caller -> Notifier.unavailable() : notifiers;
    internalErrors = internalErrors == null ? InternalErrorLog.systemLogger() : internalErrors;
  }

  public static RouterConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder; unset values take their defaults. */
  public static final class Builder {
    private int maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
    private Duration asyncThreshold;
    private Clock clock;
    private Supplier<String> idGenerator;
    private List<Interceptor> interceptors = List.of();
    private Function<RequestContext, Progress> syncProgress;
    private Function<Caller, Notifier> notifiers;
    private InternalErrorLog internalErrors;

    private Builder() {}

    public Builder maxMessageBytes(int v) { this.maxMessageBytes = v; return this; }
    public Builder asyncThreshold(Duration v) { this.asyncThreshold = v; return this; }
    public Builder clock(Clock v) { this.clock = v; return this; }
    public Builder idGenerator(Supplier<String> v) { this.idGenerator = v; return this; }
    public Builder interceptors(List<Interceptor> v) { this.interceptors = Objects.requireNonNull(v); return this; }
    public Builder interceptors(Interceptor... v) { return interceptors(List.of(v)); }
    public Builder syncProgress(Function<RequestContext, Progress> v) { this.syncProgress = v; return this; }
    public Builder notifiers(Function<Caller, Notifier> v) { this.notifiers = v; return this; }
    public Builder internalErrors(InternalErrorLog v) { this.internalErrors = v; return this; }

    public RouterConfig build() {
      return new RouterConfig(maxMessageBytes, asyncThreshold, clock, idGenerator, interceptors, syncProgress,
          notifiers, internalErrors);
    }
  }
}
