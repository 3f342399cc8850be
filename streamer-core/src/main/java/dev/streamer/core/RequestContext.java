package dev.streamer.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Who asked for what, and how much time is left. Immutable; pass it to an action by declaring a parameter of this type.
 *
 * @param requestId   server-assigned id of this request (the one {@code status}, {@code subscribe} and {@code cancel} take)
 * @param clientId    the {@code id} the client put on its message, echoed on every reply
 * @param action      action name
 * @param connectionId WebSocket connection id, or null outside a connection
 * @param userId      authenticated user (JWT subject), or null
 * @param tenantId    authenticated tenant, or null
 * @param traceId     X-Ray trace id carried from the router to the processor, or null
 * @param metadata    extra string attributes (claims kept from the token, for example)
 * @param deadline    when the executing environment stops this request, or null for none
 * @param cancellation tells whether the caller cancelled the request
 * @param clock       clock used for {@link #remainingTime()}
 * @param notifier    pushes events within the caller's tenant (also injectable as an action parameter);
 *                    {@link Notifier#unavailable()} when none is configured
 * @param attempt     which run of the request this is, from 1 (a retry, or a re-run after a crash, is 2, 3, …);
 *                    1 for a synchronous action. Lets an action be idempotent across retries
 * @param maxAttempts how many runs the request may have in all (retries + 1)
 */
public record RequestContext(
    String requestId,
    String clientId,
    String action,
    String connectionId,
    String userId,
    String tenantId,
    String traceId,
    Map<String, String> metadata,
    Instant deadline,
    BooleanSupplier cancellation,
    Clock clock,
    Notifier notifier,
    int attempt,
    int maxAttempts) {

  public RequestContext {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(action, "action");
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    clock = clock == null ? Clock.systemUTC() : clock;
    notifier = notifier == null ? Notifier.unavailable() : notifier;
    if (attempt < 1 || maxAttempts < 1) {
      throw new IllegalArgumentException("attempt and maxAttempts start at 1");
    }
  }

  /** A context of a first and only attempt without a notifier ({@link Notifier#unavailable()}). */
  public RequestContext(String requestId, String clientId, String action, String connectionId, String userId,
      String tenantId, String traceId, Map<String, String> metadata, Instant deadline, BooleanSupplier cancellation,
      Clock clock) {
    this(requestId, clientId, action, connectionId, userId, tenantId, traceId, metadata, deadline, cancellation, clock,
        null, 1, 1);
  }

  /** A context of a first and only attempt (synchronous actions) with the caller's notifier. */
  public RequestContext(String requestId, String clientId, String action, String connectionId, String userId,
      String tenantId, String traceId, Map<String, String> metadata, Instant deadline, BooleanSupplier cancellation,
      Clock clock, Notifier notifier) {
    this(requestId, clientId, action, connectionId, userId, tenantId, traceId, metadata, deadline, cancellation, clock,
        notifier, 1, 1);
  }

  /** A context of attempt {@code attempt} of {@code maxAttempts}, without a notifier. */
  public RequestContext(String requestId, String clientId, String action, String connectionId, String userId,
      String tenantId, String traceId, Map<String, String> metadata, Instant deadline, BooleanSupplier cancellation,
      Clock clock, int attempt, int maxAttempts) {
    this(requestId, clientId, action, connectionId, userId, tenantId, traceId, metadata, deadline, cancellation, clock,
        null, attempt, maxAttempts);
  }

  /** True when this is the last run the request may have: a retryable failure now fails it. */
  public boolean isLastAttempt() {
    return attempt >= maxAttempts;
  }

  /** Time left before the deadline, or {@link Duration#ZERO} once passed; a very long duration when there is none. */
  public Duration remainingTime() {
    if (deadline == null) {
      return Duration.ofDays(365);
    }
    Duration left = Duration.between(clock.instant(), deadline);
    return left.isNegative() ? Duration.ZERO : left;
  }

  /**
   * Tells whether the caller cancelled the request; never null ({@code false} when none was given). A context built
   * without one holds null and answers here, so that an uncancellable request loads no supplier class.
   */
  @Override
  public BooleanSupplier cancellation() {
    return cancellation != null ? cancellation : NotCancelled.instance();
  }

  public boolean isCancelled() {
    return cancellation != null && cancellation.getAsBoolean();
  }

  public static Builder builder(String requestId, String action) {
    return new Builder(requestId, action);
  }

  /** Builder, because most callers set only a few of the fields. */
  public static final class Builder {
    private final String requestId;
    private final String action;
    private String clientId;
    private String connectionId;
    private String userId;
    private String tenantId;
    private String traceId;
    private Map<String, String> metadata = Map.of();
    private Instant deadline;
    private BooleanSupplier cancellation;
    private Clock clock;
    private Notifier notifier;
    private int attempt = 1;
    private int maxAttempts = 1;

    private Builder(String requestId, String action) {
      this.requestId = requestId;
      this.action = action;
    }

    public Builder clientId(String v) { this.clientId = v; return this; }
    public Builder connectionId(String v) { this.connectionId = v; return this; }
    public Builder userId(String v) { this.userId = v; return this; }
    public Builder tenantId(String v) { this.tenantId = v; return this; }
    public Builder traceId(String v) { this.traceId = v; return this; }
    public Builder metadata(Map<String, String> v) { this.metadata = v; return this; }
    public Builder deadline(Instant v) { this.deadline = v; return this; }
    public Builder cancellation(BooleanSupplier v) { this.cancellation = v; return this; }
    public Builder clock(Clock v) { this.clock = v; return this; }
    public Builder notifier(Notifier v) { this.notifier = v; return this; }

    /** Which run this is (from 1) and how many runs the request may have. */
    public Builder attempt(int attempt, int maxAttempts) {
      this.attempt = attempt;
      this.maxAttempts = maxAttempts;
      return this;
    }

    public RequestContext build() {
      return new RequestContext(requestId, clientId, action, connectionId, userId, tenantId, traceId,
          metadata, deadline, cancellation, clock, notifier, attempt, maxAttempts);
    }
  }

  /** Never cancelled: a named class rather than a lambda, which every cold start would spin. */
  private static final class NotCancelled implements BooleanSupplier {
    static final NotCancelled INSTANCE = new NotCancelled();

    /** Typed as the interface: the verifier of a caller returning a NotCancelled as one would load the interface. */
    static BooleanSupplier instance() {
      return INSTANCE;
    }

    @Override
    public boolean getAsBoolean() {
      return false;
    }
  }
}
