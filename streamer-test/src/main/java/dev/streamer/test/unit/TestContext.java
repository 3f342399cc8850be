package dev.streamer.test.unit;

import dev.streamer.core.Notifier;
import dev.streamer.core.RequestContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Builds the {@link RequestContext} an action receives, with defaults for everything a test does not care about:
 * user {@value #USER} in tenant {@value #TENANT}, a fresh request id, a connection id, no deadline, the system
 * clock, and a cancellation switch ({@link Builder#cancelSwitch()}) that starts off.
 *
 * <pre>{@code
 * TestContext.Builder context = TestContext.builder().userId("alice").remaining(Duration.ofSeconds(10));
 * RequestContext ctx = context.build();
 * context.cancel();                  // ctx.isCancelled() is now true
 * }</pre>
 */
public final class TestContext {

  public static final String USER = "test-user";
  public static final String TENANT = "test-tenant";
  public static final String ACTION = "test_action";
  public static final String CONNECTION = "test-connection";

  private static final AtomicLong IDS = new AtomicLong();

  private TestContext() {}

  /** A builder with the defaults above. */
  public static Builder builder() {
    return new Builder();
  }

  /** A context with every default. */
  public static RequestContext defaults() {
    return builder().build();
  }

  /** Like {@link RequestContext.Builder}, with defaults; {@link #build()} may be called more than once. */
  public static final class Builder {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private String requestId = "test-request-" + IDS.incrementAndGet();
    private String clientId = "test-client";
    private String action = ACTION;
    private String connectionId = CONNECTION;
    private String userId = USER;
    private String tenantId = TENANT;
    private String traceId;
    private Map<String, String> metadata = Map.of();
    private Instant deadline;
    private Duration remaining;
    private Clock clock = Clock.systemUTC();
    private BooleanSupplier cancellation;
    private Notifier notifier;
    private int attempt = 1;
    private int maxAttempts = 1;

    private Builder() {}

    /** The notifier the action gets (a {@link RecordingNotifier}, say); default: one that refuses every call. */
    public Builder notifier(Notifier v) { this.notifier = v; return this; }

    /** Which run of a queued request this is (from 1) and how many it may have; default 1 of 1. */
    public Builder attempt(int attempt, int maxAttempts) {
      this.attempt = attempt;
      this.maxAttempts = maxAttempts;
      return this;
    }

    public Builder requestId(String v) { this.requestId = Objects.requireNonNull(v); return this; }
    public Builder clientId(String v) { this.clientId = v; return this; }
    public Builder action(String v) { this.action = Objects.requireNonNull(v); return this; }
    public Builder connectionId(String v) { this.connectionId = v; return this; }
    /** The authenticated user; null for an anonymous caller. */
    public Builder userId(String v) { this.userId = v; return this; }
    public Builder tenantId(String v) { this.tenantId = v; return this; }
    public Builder traceId(String v) { this.traceId = v; return this; }
    public Builder metadata(Map<String, String> v) { this.metadata = Map.copyOf(v); return this; }

    /** A fixed deadline; null (the default) for none. */
    public Builder deadline(Instant v) {
      this.deadline = v;
      this.remaining = null;
      return this;
    }

    /** A deadline {@code v} after {@link #build()} time on the builder's clock. */
    public Builder remaining(Duration v) {
      this.remaining = Objects.requireNonNull(v);
      this.deadline = null;
      return this;
    }

    /** Clock of {@link RequestContext#remainingTime()}; an adjustable one lets a test run the time out. */
    public Builder clock(Clock v) { this.clock = Objects.requireNonNull(v); return this; }

    /** Replaces the builder's switch with {@code v} as the source of {@link RequestContext#isCancelled()}. */
    public Builder cancellation(BooleanSupplier v) { this.cancellation = v; return this; }

    /** Turns the switch on: contexts built by this builder report {@link RequestContext#isCancelled()} true. */
    public Builder cancel() {
      cancelled.set(true);
      return this;
    }

    /** The switch that {@link #cancel()} turns on. */
    public BooleanSupplier cancelSwitch() {
      return cancelled::get;
    }

    public RequestContext build() {
      Instant end = remaining != null ? clock.instant().plus(remaining) : deadline;
      BooleanSupplier cancel = cancellation != null ? cancellation : cancelled::get;
      return new RequestContext(requestId, clientId, action, connectionId, userId, tenantId, traceId, metadata, end,
          cancel, clock, notifier, attempt, maxAttempts);
    }
  }
}
