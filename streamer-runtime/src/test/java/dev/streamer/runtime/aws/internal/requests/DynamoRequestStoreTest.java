package dev.streamer.runtime.aws.internal.requests;

import dev.streamer.core.protocol.RequestStatus;
import dev.streamer.core.protocol.CancelOutcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamer.core.RetryableException;
import dev.streamer.runtime.aws.DynamoDbLocal;
import dev.streamer.runtime.aws.ManualClock;
import dev.streamer.runtime.aws.internal.progress.ProgressState;
import dev.streamer.runtime.aws.tables.TableNames;
import dev.streamer.core.protocol.ErrorCode;
import dev.streamer.core.routing.AsyncRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoRequestStoreTest {

  private static final Duration LEASE = Duration.ofMinutes(5);

  private static DynamoDbClient client;
  private static TableNames tables;
  private static ManualClock clock;
  private static DynamoRequestStore store;

  @BeforeAll
  static void setUp() {
    client = DynamoDbLocal.client();
    tables = DynamoDbLocal.createTables("store");
    clock = ManualClock.startingNow();
    store = new DynamoRequestStore(client, tables.requests(), clock, Duration.ofDays(7), 3);
  }

  @AfterAll
  static void tearDown() {
    client.close();
  }

  private static AsyncRequest request(String connectionId) {
    return new AsyncRequest(UUID.randomUUID().toString(), "c-1", "generate_report",
        "{\"recordCount\":5}", connectionId, "user-1", "tenant-1", "Root=1-abc-def", clock.instant(),
        Map.of("plan", "pro"));
  }

  private static String enqueued() {
    AsyncRequest r = request("conn-" + UUID.randomUUID());
    store.enqueue(r);
    return r.requestId();
  }

  @Test
  void enqueueStoresEveryAttribute() {
    AsyncRequest r = request("conn-a");
    store.enqueue(r);
    RequestRecord stored = store.get(r.requestId()).orElseThrow();
    assertEquals(RequestStatus.PENDING, stored.status());
    assertEquals("generate_report", stored.action());
    assertEquals("{\"recordCount\":5}", stored.payload());
    assertEquals("c-1", stored.clientId());
    assertEquals("user-1", stored.userId());
    assertEquals("tenant-1", stored.tenantId());
    assertEquals("conn-a", stored.connectionId());
    assertEquals("Root=1-abc-def", stored.traceId());
    assertEquals(Map.of("plan", "pro"), stored.metadata());
    assertEquals(r.createdAt(), stored.createdAt());
    assertEquals(r.createdAt().plus(Duration.ofDays(7)).getEpochSecond(), stored.ttlEpochSeconds());
    assertEquals(0, stored.retryCount());
    assertEquals(3, stored.maxRetries());
    assertEquals(0, stored.attempts());
    assertNull(stored.retryAfter());
    assertTrue(stored.isDue(clock.instant()));
    // the raw item uses numbers for timestamps (the status-time index sorts on createdAt)
    Map<String, AttributeValue> item = client.getItem(b -> b.tableName(tables.requests())
        .key(Map.of("requestId", AttributeValue.fromS(r.requestId())))).item();
    assertEquals(Long.toString(r.createdAt().toEpochMilli()), item.get("createdAt").n());
  }

  @Test
  void enqueueIsIdempotent() {
    AsyncRequest r = request("conn-a");
    store.enqueue(r);
    store.claim(r.requestId(), LEASE).orElseThrow();
    store.enqueue(r); // a retried router invocation must not reset the request
    assertEquals(RequestStatus.PROCESSING, store.get(r.requestId()).orElseThrow().status());
  }

  @Test
  void claimMovesPendingToProcessingOnce() {
    String id = enqueued();
    RequestRecord claimed = store.claim(id, LEASE).orElseThrow();
    assertEquals(RequestStatus.PROCESSING, claimed.status());
    assertEquals(1, claimed.attempts());
    assertEquals(clock.instant(), claimed.started());
    assertEquals(clock.instant().plus(LEASE), claimed.leaseExpiresAt());
    assertTrue(store.claim(id, LEASE).isEmpty());
    assertTrue(store.claim("no-such-request", LEASE).isEmpty());
  }

  @Test
  void claimRaceHasExactlyOneWinner() throws Exception {
    int threads = 8;
    for (int round = 0; round < 5; round++) {
      String id = enqueued();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Optional<RequestRecord>>> results = new ArrayList<>();
      try {
        for (int i = 0; i < threads; i++) {
          results.add(pool.submit(() -> {
            start.await();
            return store.claim(id, LEASE);
          }));
        }
        start.countDown();
        long winners = 0;
        for (Future<Optional<RequestRecord>> f : results) {
          winners += f.get(60, TimeUnit.SECONDS).isPresent() ? 1 : 0;
        }
        assertEquals(1, winners, "round " + round);
        assertEquals(1, store.get(id).orElseThrow().attempts());
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void claimWaitsForRetryAfter() {
    String id = enqueued();
    int attempt = store.claim(id, LEASE).orElseThrow().attempts();
    Instant after = clock.instant().plusSeconds(30);
    RequestRecord retried = store.retry(id, attempt, after, ErrorCode.SERVICE_UNAVAILABLE, "busy").orElseThrow();
    assertEquals(RequestStatus.PENDING, retried.status());
    assertEquals(1, retried.retryCount());
    assertEquals(after, retried.retryAfter());
    assertNull(retried.leaseExpiresAt());
    assertEquals("SERVICE_UNAVAILABLE", retried.errorCode());
    assertFalse(retried.isDue(clock.instant()));
    assertTrue(store.claim(id, LEASE).isEmpty());

    clock.advance(Duration.ofSeconds(30));
    RequestRecord second = store.claim(id, LEASE).orElseThrow();
    assertEquals(2, second.attempts());
    // the first attempt's worker is stale now and can no longer write
    assertTrue(store.complete(id, attempt, "{}").isEmpty());
    assertTrue(store.recordProgress(id, attempt, 0.5, null).isEmpty());
    RequestRecord done = store.complete(id, second.attempts(), "{\"ok\":true}").orElseThrow();
    assertEquals(RequestStatus.COMPLETED, done.status());
    assertEquals("{\"ok\":true}", done.result());
    assertNull(done.errorCode());
    assertNotNull(done.ended());
  }

  @Test
  void failRecordsTheError() {
    String id = enqueued();
    int attempt = store.claim(id, LEASE).orElseThrow().attempts();
    assertTrue(store.fail(id, attempt + 1, ErrorCode.INTERNAL_ERROR, "x").isEmpty());
    RequestRecord failed = store.fail(id, attempt, ErrorCode.VALIDATION_ERROR, "bad payload").orElseThrow();
    assertEquals(RequestStatus.FAILED, failed.status());
    assertEquals("VALIDATION_ERROR", failed.errorCode());
    assertEquals("bad payload", failed.errorMessage());
    assertNull(failed.leaseExpiresAt());
    assertTrue(store.complete(id, attempt, "{}").isEmpty(), "a terminal request never changes outcome");
  }

  @Test
  void progressReturnsCurrentConnectionAndCancellation() {
    String id = enqueued();
    int attempt = store.claim(id, LEASE).orElseThrow().attempts();
    ProgressState state = store.recordProgress(id, attempt, 0.25, "reading").orElseThrow();
    assertFalse(state.cancelRequested());
    store.attach(id, "conn-new").orElseThrow();
    assertEquals(CancelOutcome.CANCEL_REQUESTED, store.cancel(id).outcome());
    state = store.recordProgress(id, attempt, 0.5, null).orElseThrow();
    assertEquals("conn-new", state.connectionId());
    assertTrue(state.cancelRequested());
    RequestRecord stored = store.get(id).orElseThrow();
    assertEquals(0.5, stored.progress());
    assertNull(stored.progressMessage());
  }

  @Test
  void cancelQueuedRequestPreventsItsClaim() {
    String id = enqueued();
    CancelResult result = store.cancel(id);
    assertEquals(CancelOutcome.CANCELLED, result.outcome());
    assertEquals(RequestStatus.CANCELLED, result.record().status());
    assertEquals("CANCELLED", result.record().errorCode());
    assertTrue(store.claim(id, LEASE).isEmpty());
    assertEquals(CancelOutcome.ALREADY_FINISHED, store.cancel(id).outcome());
    assertEquals(CancelOutcome.NOT_FOUND, store.cancel("no-such-request").outcome());
  }

  @Test
  void retryAfterCancelRequestCancels() {
    String id = enqueued();
    int attempt = store.claim(id, LEASE).orElseThrow().attempts();
    store.cancel(id);
    RequestRecord after = store.retry(id, attempt, clock.instant(), ErrorCode.SERVICE_UNAVAILABLE, "busy")
        .orElseThrow();
    assertEquals(RequestStatus.CANCELLED, after.status());
  }

  @Test
  void attachAndFindByConnection() {
    String connection = "conn-" + UUID.randomUUID();
    String first = enqueued();
    String second = enqueued();
    store.attach(first, connection).orElseThrow();
    store.attach(second, connection).orElseThrow();
    assertTrue(store.attach("no-such-request", connection).isEmpty());
    assertTrue(store.get("no-such-request").isEmpty());
    Set<String> found = store.findByConnection(connection).stream().map(RequestRecord::requestId)
        .collect(Collectors.toSet());
    assertEquals(Set.of(first, second), found);
  }

  @Test
  void sweepFindsDueRetriesStalePendingAndExpiredLeases() {
    ManualClock sweepClock = ManualClock.startingNow();
    TableNames own = DynamoDbLocal.createTables("sweep");
    DynamoRequestStore s = new DynamoRequestStore(client, own.requests(), sweepClock, Duration.ofDays(7), 1);
    AsyncRequest fresh = new AsyncRequest("fresh", null, "a", "null", "c", null, null, null,
        sweepClock.instant(), null);
    AsyncRequest retried = new AsyncRequest("retried", null, "a", "null", "c", null, null, null,
        sweepClock.instant(), null);
    AsyncRequest leased = new AsyncRequest("leased", null, "a", "null", "c", null, null, null,
        sweepClock.instant(), null);
    s.enqueue(fresh);
    s.enqueue(retried);
    s.enqueue(leased);
    int retriedAttempt = s.claim("retried", LEASE).orElseThrow().attempts();
    s.retry("retried", retriedAttempt, sweepClock.instant().plusSeconds(10), ErrorCode.SERVICE_UNAVAILABLE, "x");
    s.claim("leased", Duration.ofSeconds(20)).orElseThrow();

    assertEquals(List.of(), s.dueForSweep(sweepClock.instant(), Duration.ofMinutes(2), Duration.ofMinutes(1), 100));

    sweepClock.advance(Duration.ofSeconds(15));
    assertEquals(List.of("retried"), ids(s.dueForSweep(sweepClock.instant(), Duration.ofMinutes(2), Duration.ofMinutes(1), 100)));
    RequestRecord redriven = s.redrive("retried").orElseThrow();
    assertEquals(RequestStatus.PENDING, redriven.status());

    sweepClock.advance(Duration.ofMinutes(2));
    List<SweepCandidate> due = s.dueForSweep(sweepClock.instant(), Duration.ofMinutes(2), Duration.ofMinutes(1), 100);
    assertEquals(Set.of("fresh", "retried", "leased"), Set.copyOf(ids(due)));
    assertEquals(1, s.dueForSweep(sweepClock.instant(), Duration.ofMinutes(2), Duration.ofMinutes(1), 1).size());

    SweepCandidate lease = due.stream().filter(c -> c.requestId().equals("leased")).findFirst().orElseThrow();
    RequestRecord recovered = s.expireLease(lease).orElseThrow();
    assertEquals(RequestStatus.PENDING, recovered.status());
    assertEquals(1, recovered.retryCount());
    assertEquals("TIMEOUT", recovered.errorCode());
    assertTrue(recovered.isDue(sweepClock.instant()));
    assertTrue(s.expireLease(lease).isEmpty(), "a second sweeper loses");

    int attempt = s.claim("leased", Duration.ofSeconds(1)).orElseThrow().attempts();
    sweepClock.advance(Duration.ofSeconds(2));
    SweepCandidate again = s.dueForSweep(sweepClock.instant(), Duration.ofHours(1), Duration.ofMinutes(1), 100).stream()
        .filter(c -> c.requestId().equals("leased")).findFirst().orElseThrow();
    assertEquals(attempt, again.attempts());
    RequestRecord failed = s.expireLease(again).orElseThrow();
    assertEquals(RequestStatus.FAILED, failed.status(), "retries exhausted");
    assertEquals("TIMEOUT", failed.errorCode());
  }

  @Test
  void unreachableDynamoDbIsAnInfrastructureFault() {
    try (DynamoDbClient down = DynamoDbLocal.client(URI.create("http://localhost:" + DynamoDbLocal.closedPort()))) {
      DynamoRequestStore s = new DynamoRequestStore(down, "t", clock, Duration.ofDays(7), 3);
      RetryableException e = assertThrows(RetryableException.class, () -> s.enqueue(request("c")));
      assertEquals(ErrorCode.SERVICE_UNAVAILABLE, e.code());
      assertThrows(RequestStoreException.class, () -> s.claim("x", LEASE));
      assertThrows(RequestStoreException.class, () -> s.get("x"));
    }
  }

  private static List<String> ids(List<SweepCandidate> candidates) {
    return candidates.stream().map(SweepCandidate::requestId).toList();
  }
}
