package dev.streamer.runtime.aws.internal.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamer.core.routing.AsyncRequest;
import dev.streamer.core.routing.Caller;
import dev.streamer.core.routing.Router;
import dev.streamer.runtime.aws.internal.builtins.BuiltinRoutes;
import dev.streamer.runtime.aws.internal.builtins.QueuePosition;
import dev.streamer.core.routing.RouteExecutor;
import dev.streamer.core.routing.RouteTables;
import dev.streamer.runtime.aws.DirectProgress;
import dev.streamer.runtime.aws.DynamoDbLocal;
import dev.streamer.runtime.aws.JobRoute;
import dev.streamer.runtime.aws.StreamRecords;
import dev.streamer.runtime.aws.internal.connections.MessageSender;
import dev.streamer.runtime.aws.internal.limits.RunningCaps;
import dev.streamer.runtime.aws.internal.limits.TenantConcurrency;
import dev.streamer.runtime.aws.internal.observability.JsonLog;
import dev.streamer.runtime.aws.internal.observability.LogLevel;
import dev.streamer.runtime.aws.internal.observability.Metrics;
import dev.streamer.core.protocol.RequestStatus;
import dev.streamer.runtime.aws.internal.requests.DynamoRequestStore;
import dev.streamer.runtime.aws.tables.StreamerTables;
import dev.streamer.runtime.aws.tables.TableNames;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code MAX_RUNNING_PER_TENANT} through the stream processor's claim step, on DynamoDB Local and its stream: two
 * processor instances (own clients, own stores, sharing only the tables) take records from a pump of the real
 * stream, several records at once each, as Lambda's parallel batches would.
 */
class TenantFairnessTest {

  private static final int LANES = 8;

  private final List<DynamoDbClient> clients = new ArrayList<>();
  private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> maxRunning = new ConcurrentHashMap<>();
  private final Map<String, Instant> finished = new ConcurrentHashMap<>();
  private final List<String> logLines = new CopyOnWriteArrayList<>();
  private final AtomicBoolean stop = new AtomicBoolean();
  private ExecutorService lanes;
  private TableNames tables;
  private DynamoRequestStore enqueuer;

  @BeforeEach
  void setUp() {
    tables = DynamoDbLocal.createTables("fairness");
    enqueuer = new DynamoRequestStore(client(), tables.requests(), Clock.systemUTC(), Duration.ofDays(1), 3);
    lanes = Executors.newFixedThreadPool(LANES + 1);
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    stop.set(true);
    lanes.shutdownNow();
    lanes.awaitTermination(30, TimeUnit.SECONDS);
    clients.forEach(DynamoDbClient::close);
  }

  private DynamoDbClient client() {
    DynamoDbClient client = DynamoDbLocal.client();
    clients.add(client);
    return client;
  }

  /** A processor instance with its own clients; jobs sleep {@code jobLength} and count who runs at once. */
  private StreamProcessor instance(Duration jobLength, String caps) {
    return instance(jobLength, caps, ProcessorSettings.DEFAULT_LEASE_DURATION);
  }

  private StreamProcessor instance(Duration jobLength, String caps, Duration lease) {
    DynamoRequestStore store =
        new DynamoRequestStore(client(), tables.requests(), Clock.systemUTC(), Duration.ofDays(1), 3);
    MessageSender replies = (connectionId, message) -> true;
    JobRoute job = new JobRoute("job", (payload, context, progress) -> {
      String tenant = context.tenantId();
      int now = running.computeIfAbsent(tenant, t -> new AtomicInteger()).incrementAndGet();
      maxRunning.computeIfAbsent(tenant, t -> new AtomicInteger()).accumulateAndGet(now, Math::max);
      try {
        Thread.sleep(jobLength.toMillis());
      } finally {
        running.get(tenant).decrementAndGet();
        finished.put(context.requestId(), Instant.now());
      }
      return payload.n();
    });
    ProcessorSettings settings = new ProcessorSettings(Duration.ofSeconds(1),
        new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), bound -> bound), Duration.ofMinutes(2), 100)
        .withLeaseDuration(lease);
    JsonLog log = new JsonLog("test", LogLevel.INFO, logLines::add, Clock.systemUTC());
    Metrics metrics = new Metrics("Streamer", "test", logLines::add, Clock.systemUTC());
    TenantConcurrency gate = new TenantConcurrency(client(), tables.connections(), RunningCaps.parse(caps),
        requestId -> store.redrive(requestId).isPresent(), Clock.systemUTC());
    return new StreamProcessor(store, RouteTables.of("test", job), new RouteExecutor(List.of()),
        DirectProgress.factory(store, replies), replies, settings, log, metrics, Executors.newCachedThreadPool())
        .concurrency(() -> Optional.of(gate));
  }

  /** Reads the stream and hands each record to a lane; lanes alternate between the processor instances. */
  private void start(List<StreamProcessor> instances) {
    LinkedBlockingQueue<DynamodbEvent.DynamodbStreamRecord> records = new LinkedBlockingQueue<>();
    lanes.submit(() -> {
      try (StreamRecords stream = new StreamRecords(client(), tables.requests())) {
        while (!stop.get()) {
          List<DynamodbEvent.DynamodbStreamRecord> batch = stream.next().getRecords();
          records.addAll(batch);
          if (batch.isEmpty()) {
            Thread.sleep(10);
          }
        }
      }
      return null;
    });
    for (int lane = 0; lane < LANES; lane++) {
      StreamProcessor processor = instances.get(lane % instances.size());
      lanes.submit(() -> {
        while (!stop.get()) {
          DynamodbEvent.DynamodbStreamRecord record = records.poll(50, TimeUnit.MILLISECONDS);
          if (record != null) {
            DynamodbEvent event = new DynamodbEvent();
            event.setRecords(List.of(record));
            processor.process(event, () -> 600_000);
          }
        }
        return null;
      });
    }
  }

  private String enqueue(String tenant, int n) {
    String requestId = UUID.randomUUID().toString();
    enqueuer.enqueue(new AsyncRequest(requestId, "c-" + n, "job", "{\"n\":" + n + "}", "conn-" + tenant,
        "user-" + tenant, tenant, null, Instant.now(), Map.of()));
    return requestId;
  }

  private void awaitFinished(List<String> requestIds, Duration within) throws InterruptedException {
    long end = System.nanoTime() + within.toNanos();
    while (!finished.keySet().containsAll(requestIds) && System.nanoTime() < end) {
      Thread.sleep(20);
    }
  }

  @Test
  void aRunningJobsPlaceLastsAsItsLeaseDoesRenewedByTheHeartbeatAndIsGivenBackAtTheEnd() throws Exception {
    Duration lease = Duration.ofSeconds(2); // a beat every 667 ms: room for a loaded machine's late beats
    start(List.of(instance(Duration.ofMillis(6_000), "1", lease)));
    String first = enqueue("acme", 1);
    long end = System.nanoTime() + 30_000_000_000L;
    while ((running.get("acme") == null || running.get("acme").get() < 1) && System.nanoTime() < end) {
      Thread.sleep(10);
    }
    String second = enqueue("acme", 2);
    for (int check = 0; check < 2; check++) {
      Thread.sleep(2_300); // past the first lease, then past the second
      Instant now = Instant.now();
      Map<String, AttributeValue> holders = runningSet("acme");
      assertTrue(holders.containsKey(first), "the running job still holds its place: " + holders);
      Instant expiry = Instant.ofEpochMilli(Long.parseLong(holders.get(first).n()));
      assertTrue(expiry.isAfter(now), "renewed with the lease, not left to expire: " + expiry + " at " + now);
      assertTrue(!expiry.isAfter(now.plus(lease).plusMillis(500)),
          "no longer than a lease ahead (a crashed worker's place frees itself then): " + expiry + " at " + now);
    }
    awaitFinished(List.of(first, second), Duration.ofSeconds(60));
    assertEquals(1, maxRunning.get("acme").get(), "the second waited for the first");
    assertTrue(finished.containsKey(second), "released on the outcome: the second ran");
    long waited = System.nanoTime() + 10_000_000_000L;
    while (runningSet("acme").containsKey(second) && System.nanoTime() < waited) {
      Thread.sleep(20);
    }
    assertTrue(runningSet("acme").isEmpty(), "every place given back: " + runningSet("acme"));
  }

  private Map<String, AttributeValue> runningSet(String tenant) {
    Map<String, AttributeValue> item = client().getItem(b -> b.tableName(tables.connections())
        .key(Map.of(StreamerTables.CONNECTION_ID, AttributeValue.fromS(RunningCaps.parse("1").setOf(tenant, "job"))))
        .consistentRead(true)).item();
    return item == null || !item.containsKey("holders") ? Map.of() : item.get("holders").m();
  }

  @Test
  void twoInstancesRacingNeverExceedTheCapAndEveryJobRuns() throws Exception {
    start(List.of(instance(Duration.ofMillis(200), "2"), instance(Duration.ofMillis(200), "2")));
    List<String> jobs = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      jobs.add(enqueue("acme", i));
      if (i % 2 == 0) {
        jobs.add(enqueue("globex", i));
      }
    }
    awaitFinished(jobs, Duration.ofSeconds(90));
    assertEquals(jobs.size(), jobs.stream().filter(finished::containsKey).count(), "every job ran");
    for (String id : jobs) {
      assertEquals(RequestStatus.COMPLETED, enqueuer.get(id).orElseThrow().status());
    }
    assertEquals(2, maxRunning.get("acme").get(), "acme never ran more than 2 at once, and used both places");
    assertEquals(2, maxRunning.get("globex").get());
    assertTrue(logLines.stream().anyMatch(l -> l.contains("\"JobDeferred\":1")), "deferrals are measured");
  }

  @Test
  void aTenantsBacklogDoesNotDelayAnotherTenant() throws Exception {
    Duration job = Duration.ofSeconds(1);
    start(List.of(instance(job, "2"), instance(job, "2")));
    List<String> backlog = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      backlog.add(enqueue("tenant-a", i));
    }
    long end = System.nanoTime() + 30_000_000_000L;
    while ((running.get("tenant-a") == null || running.get("tenant-a").get() < 2) && System.nanoTime() < end) {
      Thread.sleep(10); // A's backlog has started
    }
    Instant queued = Instant.now();
    List<String> b = List.of(enqueue("tenant-b", 1), enqueue("tenant-b", 2));
    awaitFinished(b, Duration.ofSeconds(30));
    Duration bTook = Duration.between(queued, b.stream().map(finished::get).max(Instant::compareTo).orElseThrow());
    assertTrue(bTook.compareTo(job.multipliedBy(5).dividedBy(2)) <= 0,
        "B's two jobs finish within about two job lengths, not after A's backlog: " + bTook);
    long aDone = backlog.stream().filter(finished::containsKey).count();

    // status of the last of A's backlog: its place in the queue
    TenantConcurrency lookup = new TenantConcurrency(client(), tables.connections(), RunningCaps.parse("2"),
        requestId -> true, Clock.systemUTC());
    Router router = new Router(BuiltinRoutes.withBuiltins(RouteTables.of("test"), enqueuer, pending -> {
      TenantConcurrency.Admission.Deferred d =
          lookup.position(pending.requestId(), pending.tenantId(), pending.action());
      return d == null ? null : new QueuePosition.Queued(d.position(), d.running(), d.cap(), RunningCaps.ENV);
    }, (connectionId, message) -> true), enqueuer);
    JsonNode status = new ObjectMapper().readTree(router.route("{\"id\":\"s\",\"action\":\"status\","
        + "\"payload\":{\"requestId\":\"" + backlog.get(49) + "\"}}",
        new Caller("conn-tenant-a", "user-tenant-a", "tenant-a", Map.of(), null)));
    assertEquals("PENDING", status.at("/data/status").asText(), status.toString());
    assertTrue(status.at("/data/queue/position").asInt() > 30, status.toString());
    assertEquals(2, status.at("/data/queue/cap").asInt());
    assertEquals("MAX_RUNNING_PER_TENANT", status.at("/data/queue/reason").asText());
    assertTrue(aDone < 10, "A's backlog is still running: " + aDone + " of 50 done");
    assertEquals(2, maxRunning.get("tenant-a").get(), "A never ran more than its cap");
  }
}
