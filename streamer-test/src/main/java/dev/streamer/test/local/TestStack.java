package dev.streamer.test.local;

import dev.streamer.client.StreamerClient;
import dev.streamer.core.protocol.RequestStatus;
import dev.streamer.local.AdjustableClock;
import dev.streamer.local.LocalStack;
import dev.streamer.runtime.aws.internal.requests.DynamoRequestStore;
import dev.streamer.runtime.aws.internal.requests.RequestRecord;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * The local stack running the application under test, as a test sees it: clients and tokens for any user and
 * tenant, the stack's clock, the sweeper on demand, a gateway restart, and the stored state of a request.
 */
public final class TestStack {

  /** User of the injected client and of {@link #connect()}. */
  public static final String USER = "test-user";
  public static final String TENANT = "test-tenant";
  /** Validity of the tokens of {@link #token(String, String)}, on the stack's clock. */
  public static final Duration TOKEN_TTL = Duration.ofHours(1);

  private final LocalStack stack;
  private final DynamoRequestStore requests;
  private final List<StreamerClient> clients = new ArrayList<>();

  TestStack(LocalStack stack) {
    this.stack = Objects.requireNonNull(stack, "stack");
    // only get() is used: the TTL and retry settings of this instance never reach a stored item
    this.requests = new DynamoRequestStore(stack.dynamoDb(), stack.tables().requests(), stack.clock(),
        Duration.ofDays(1), 0);
  }

  /** The stack itself, for what this class does not cover (its DynamoDB client, connections, endpoints). */
  public LocalStack local() {
    return stack;
  }

  public URI webSocketUri() {
    return stack.webSocketUri();
  }

  /** A token for {@code user} in {@code tenant}, valid for {@link #TOKEN_TTL} on the stack's clock. */
  public String token(String user, String tenant) {
    return token(user, tenant, TOKEN_TTL);
  }

  /** A token for {@code user} in {@code tenant}, valid for {@code ttl} on the stack's clock. */
  public String token(String user, String tenant, Duration ttl) {
    return stack.mintToken(user, tenant, ttl);
  }

  /**
   * A client builder for {@code user} in {@code tenant}, with a token minted afresh on every (re)connect (so it is
   * valid however far the clock was advanced); not connected, and closed by nobody but you.
   */
  public StreamerClient.Builder client(String user, String tenant) {
    return StreamerClient.builder(stack.webSocketUri()).token(() -> token(user, tenant));
  }

  /** A connected client of {@link #USER}; closed when the test class ends. */
  public StreamerClient connect() {
    return connect(USER, TENANT);
  }

  /** A connected client of {@code user} in {@code tenant}; closed when the test class ends. */
  public StreamerClient connect(String user, String tenant) {
    StreamerClient client = client(user, tenant).build();
    synchronized (clients) {
      clients.add(client);
    }
    try {
      client.connect().get(StreamerAssertions.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("connecting as " + user + " of " + tenant + " failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("not connected within " + StreamerAssertions.TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
    return client;
  }

  /** The clock of the handlers and tokens. */
  public AdjustableClock clock() {
    return stack.clock();
  }

  /** Moves the stack's clock forward: retry delays, leases and token lifetimes pass at once. */
  public void advance(Duration duration) {
    stack.advance(duration);
  }

  /**
   * Runs the sweeper now: due retries and stale requests are re-driven, expired leases recovered. Returns its
   * summary, {@code {"redriven":1,"recovered":0,"failed":0,"cancelled":0}}.
   */
  public String sweep() {
    return stack.sweep();
  }

  /** Restarts the WebSocket gateway: every connection drops (1001); DynamoDB and the processor keep running. */
  public void restartGateway() {
    stack.restartGateway();
  }

  /** The stored request, as the requests table holds it now. */
  public Optional<RequestRecord> storedRequest(String requestId) {
    return requests.get(requestId);
  }

  /** The stored status of {@code requestId}; an {@link AssertionError} when there is no such request. */
  public RequestStatus status(String requestId) {
    return storedRequest(requestId).map(RequestRecord::status)
        .orElseThrow(() -> new AssertionError("no stored request " + requestId));
  }

  /**
   * Waits (up to {@link StreamerAssertions#TIMEOUT}) until the stored request has {@code status}; its record then.
   */
  public RequestRecord awaitStatus(String requestId, RequestStatus status) {
    return awaitStored(requestId, record -> record.status() == status);
  }

  /**
   * Waits (up to {@link StreamerAssertions#TIMEOUT}) until the stored request satisfies {@code condition}, for
   * example {@code r -> r.retryCount() == 1}; its record then.
   */
  public RequestRecord awaitStored(String requestId, Predicate<RequestRecord> condition) {
    long deadline = System.nanoTime() + StreamerAssertions.TIMEOUT.toNanos();
    Optional<RequestRecord> last = storedRequest(requestId);
    while (last.isEmpty() || !condition.test(last.get())) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("stored request " + requestId + " not as expected within "
            + StreamerAssertions.TIMEOUT + "; last seen: " + last.map(TestStack::describe).orElse("none"));
      }
      try {
        Thread.sleep(20); // the processor and the stream poller run on their own threads
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
      last = storedRequest(requestId);
    }
    return last.get();
  }

  private static String describe(RequestRecord r) {
    return r.status() + " after " + r.attempts() + " attempts, " + r.retryCount() + " retries"
        + (r.errorCode() == null ? "" : ", last error " + r.errorCode());
  }

  /** Closes the clients of {@link #connect}; the extension calls it when a test class ends. */
  void closeClients() {
    List<StreamerClient> open;
    synchronized (clients) {
      open = List.copyOf(clients);
      clients.clear();
    }
    open.forEach(StreamerClient::close);
  }
}
