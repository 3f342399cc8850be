package dev.streamer.samples.local;

import dev.streamer.client.StreamerClient;
import dev.streamer.core.protocol.RequestStatus;
import dev.streamer.local.LocalStack;
import dev.streamer.runtime.aws.internal.processor.EventSourceMapping;
import dev.streamer.runtime.aws.internal.processor.ProcessorSettings;
import dev.streamer.runtime.aws.internal.requests.RequestItemCodec;
import dev.streamer.runtime.aws.internal.requests.RequestRecord;
import dev.streamer.runtime.aws.tables.StreamerTables;
import dev.streamer.runtime.aws.tables.TableCreator;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Jobs at scale on the local stack, with the template's event source mapping (one shard of DynamoDB Local's stream):
 * makespan of many long jobs queued at once, completions per second of tiny jobs beside DynamoDB Local's own write
 * rate measured in the same run, and the time from a crashed worker to the re-run of its job. Run by
 * {@link LocalStackBenchmark}; the report action's steps take {@code sample.report.stepMillis} each (40 steps at most).
 */
final class JobsBenchmark {

  private static final int CLIENTS = 50;
  private static final int LONG_JOBS = 100;
  private static final int OUTSTANDING = 4;
  /** A report of 40 steps: 40 × stepMillis. */
  private static final String LONG_REPORT =
      "{\"startDate\":\"2024-01-01\",\"endDate\":\"2024-01-02\",\"recordCount\":40}";
  /** An isolated export of 40 steps (1,000 rows each): as long as {@link #LONG_REPORT}, run in its own worker. */
  private static final String LONG_EXPORT = "{\"dataset\":\"orders\",\"rows\":40000}";
  /** One step: a tiny job; with steps of 2 s, a job that sleeps 2 s and reports nothing before its result. */
  private static final String TINY_REPORT =
      "{\"startDate\":\"2024-01-01\",\"endDate\":\"2024-01-02\",\"recordCount\":1}";
  /** An export of one step (1,000 rows). */
  private static final String ONE_STEP_EXPORT = "{\"dataset\":\"orders\",\"rows\":1000}";
  private static final String STEP_MILLIS = "sample.report.stepMillis";

  private final LocalStack stack;
  private final PrintStream out;

  JobsBenchmark(LocalStack stack, PrintStream out) {
    this.stack = stack;
    this.out = out;
  }

  void run(int seconds) throws Exception {
    EventSourceMapping mapping = stack.eventSourceMapping();
    out.println();
    out.printf(Locale.ROOT, "Jobs at scale (the template's event source mapping: BatchSize %d, "
        + "ParallelizationFactor %d; PROCESSOR_CONCURRENCY %d; the requests stream has one shard):%n",
        mapping.batchSize(), mapping.parallelizationFactor(), ProcessorSettings.DEFAULT_CONCURRENCY);
    double batched = makespan("generate_report", LONG_REPORT, "long jobs");
    double isolated = makespan("export_records", LONG_EXPORT, "isolated long jobs");
    out.printf(Locale.ROOT, "  %-58s %7.2f / %.2f   (target <= 1.5)%n",
        "makespan / one job: in the processor / isolated", batched, isolated);
    tinyJobs(seconds);
    crashToRerun();
    sleepingJobs();
  }

  /**
   * The makespan as issue 9 states it: jobs that sleep 2 s (one step, so no intermediate progress; the final report
   * rides on the completion write), in a second stack whose handlers are built with steps of 2 s. Run last: the step
   * time is a system property every handler factory built from now on reads.
   */
  private void sleepingJobs() throws Exception {
    String before = System.getProperty(STEP_MILLIS);
    System.setProperty(STEP_MILLIS, "2000");
    try (LocalStack sleeping = LocalStackBenchmark.stackBuilder().start()) {
      JobsBenchmark jobs = new JobsBenchmark(sleeping, out);
      double batched = jobs.makespan("generate_report", TINY_REPORT, "sleeping jobs (2 s, one step)");
      double isolated = jobs.makespan("export_records", ONE_STEP_EXPORT, "isolated sleeping jobs (2 s, one step)");
      out.printf(Locale.ROOT, "  %-58s %7.2f / %.2f   (target <= 1.5)%n",
          "makespan / one sleeping job: in the processor / isolated", batched, isolated);
    } finally {
      if (before == null) {
        System.clearProperty(STEP_MILLIS);
      } else {
        System.setProperty(STEP_MILLIS, before);
      }
    }
  }

  private StreamerClient client() throws Exception {
    return client(stack.devToken());
  }

  /** Client {@code i} of a run, as a user of its own (the report's per-user rate limit is 1000 a minute). */
  private StreamerClient client(int i) throws Exception {
    return client(stack.mintToken("jobs-user-" + i, LocalStack.DEV_TENANT, Duration.ofHours(1)));
  }

  private StreamerClient client(String token) throws Exception {
    StreamerClient client = StreamerClient.builder(stack.webSocketUri()).token(token)
        .requestTimeout(Duration.ofMinutes(5)).build();
    client.connect().get(30, TimeUnit.SECONDS);
    return client;
  }

  /** N long jobs queued at once from 50 clients: time until the last result, over one job's own time. */
  private double makespan(String action, String payload, String label) throws Exception {
    List<StreamerClient> clients = new ArrayList<>();
    try {
      for (int i = 0; i < CLIENTS; i++) {
        clients.add(client());
      }
      long t0 = System.nanoTime();
      clients.get(0).request(action, payload).get(5, TimeUnit.MINUTES);
      double one = (System.nanoTime() - t0) / 1e9;
      List<CompletableFuture<String>> calls = new ArrayList<>();
      long start = System.nanoTime();
      for (int i = 0; i < LONG_JOBS; i++) {
        calls.add(clients.get(i % CLIENTS).request(action, payload));
      }
      CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
      double makespan = (System.nanoTime() - start) / 1e9;
      out.printf(Locale.ROOT, "  %-58s %7.2f s%n", "one of the " + label + " alone (send → result)", one);
      out.printf(Locale.ROOT, "  %-58s %7.2f s%n", LONG_JOBS + " " + label + " from " + CLIENTS
          + " clients, makespan", makespan);
      return makespan / one;
    } finally {
      clients.forEach(StreamerClient::close);
    }
  }

  /** Completions per second of tiny jobs, beside what DynamoDB Local's write rate allows, measured just before. */
  private void tinyJobs(int seconds) throws Exception {
    double oneWriter = rawWriteRate(stack.dynamoDb(), Math.max(3, seconds / 2), 1);
    double fourWriters = rawWriteRate(stack.dynamoDb(), Math.max(3, seconds / 2), 4);
    double writesPerSecond = Math.max(oneWriter, fourWriters);
    List<StreamerClient> clients = new ArrayList<>();
    double jobsPerSecond;
    AtomicLong completed = new AtomicLong();
    String requests = stack.tables().requests();
    long requestWritesBefore;
    long allWritesBefore;
    try {
      for (int i = 0; i < CLIENTS; i++) {
        clients.add(client(i));
      }
      requestWritesBefore = stack.dynamoDbWrites(requests);
      allWritesBefore = stack.dynamoDbWrites(null);
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      List<CompletableFuture<Void>> loops = new ArrayList<>();
      long start = System.nanoTime();
      for (StreamerClient client : clients) {
        for (int k = 0; k < OUTSTANDING; k++) {
          loops.add(loop(client, end, completed));
        }
      }
      CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).get(seconds + 300L, TimeUnit.SECONDS);
      jobsPerSecond = completed.get() / ((System.nanoTime() - start) / 1e9);
    } finally {
      clients.forEach(StreamerClient::close);
    }
    // counted at the stack's DynamoDB client over the same jobs: every job issued in the window has completed
    double writesPerJob = (stack.dynamoDbWrites(requests) - requestWritesBefore) / (double) completed.get();
    double allWritesPerJob = (stack.dynamoDbWrites(null) - allWritesBefore) / (double) completed.get();
    double ceiling = writesPerSecond / writesPerJob;
    double allCeiling = writesPerSecond / allWritesPerJob;
    out.printf(Locale.ROOT, "  %-58s %7.0f / %.0f writes/s%n", "DynamoDB Local alone, conditional writes, 1 / 4 "
        + "threads", oneWriter, fourWriters);
    out.printf(Locale.ROOT, "  %-58s %7.0f jobs/s%n", "tiny jobs, " + CLIENTS + " clients x " + OUTSTANDING
        + " outstanding, completed", jobsPerSecond);
    out.printf(Locale.ROOT, "  %-58s %7.2f (enqueue, claim, completion; progress rides on it)%n",
        "writes per job on the requests table, measured", writesPerJob);
    out.printf(Locale.ROOT, "  %-58s %7.2f (plus the report's user and tenant rate-limit counters)%n",
        "writes per job on all tables, measured", allWritesPerJob);
    out.printf(Locale.ROOT, "  %-58s %7.0f jobs/s%n", "ceiling = best writes/s / requests-table writes per job",
        ceiling);
    out.printf(Locale.ROOT, "  %-58s %7.2f   (target >= 0.5)%n", "completions / ceiling", jobsPerSecond / ceiling);
    out.printf(Locale.ROOT, "  %-58s %7.2f   (ceiling %.0f jobs/s)%n", "completions / ceiling counting every write",
        jobsPerSecond / allCeiling, allCeiling);
  }

  private static CompletableFuture<Void> loop(StreamerClient client, long endNanos, AtomicLong completed) {
    if (System.nanoTime() >= endNanos) {
      return CompletableFuture.completedFuture(null);
    }
    return client.request("generate_report", TINY_REPORT).thenCompose(result -> {
      completed.incrementAndGet();
      return loop(client, endNanos, completed);
    });
  }

  /**
   * Conditional PutItem + UpdateItem pairs, as an enqueue and a claim do, from {@code threadCount} threads on a
   * scratch copy of the requests table (same indexes and stream), for {@code seconds}.
   */
  private static double rawWriteRate(DynamoDbClient dynamoDb, int seconds, int threadCount) throws Exception {
    String table = "benchmark-writes";
    TableCreator.createIfMissing(dynamoDb, StreamerTables.REQUESTS, table);
    AtomicLong writes = new AtomicLong();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    ExecutorService threads = Executors.newFixedThreadPool(threadCount);
    long start = System.nanoTime();
    try {
      List<java.util.concurrent.Future<?>> running = new ArrayList<>();
      for (int t = 0; t < threadCount; t++) {
        running.add(threads.submit(() -> {
          while (System.nanoTime() < end) {
            String id = UUID.randomUUID().toString();
            dynamoDb.putItem(b -> b.tableName(table).item(Map.of("requestId", AttributeValue.fromS(id),
                    "status", AttributeValue.fromS("PENDING"), "createdAt",
                    AttributeValue.fromN(String.valueOf(System.currentTimeMillis()))))
                .conditionExpression("attribute_not_exists(requestId)"));
            dynamoDb.updateItem(b -> b.tableName(table).key(Map.of("requestId", AttributeValue.fromS(id)))
                .updateExpression("SET #s = :p").conditionExpression("#s = :q")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("PROCESSING"),
                    ":q", AttributeValue.fromS("PENDING"))));
            writes.addAndGet(2);
          }
          return null;
        }));
      }
      for (var f : running) {
        f.get();
      }
    } finally {
      threads.shutdownNow();
    }
    return writes.get() / ((System.nanoTime() - start) / 1e9);
  }

  /**
   * A worker that claimed a job and died: the item is written as a claim would leave it (PROCESSING, lease of
   * LEASE_DURATION), and nothing renews it. Measures until the job has been re-run to COMPLETED.
   */
  private void crashToRerun() throws Exception {
    DynamoDbClient dynamoDb = stack.dynamoDb();
    Instant now = Instant.now();
    Duration lease = ProcessorSettings.DEFAULT_LEASE_DURATION;
    String id = UUID.randomUUID().toString();
    RequestRecord crashed = new RequestRecord(id, RequestStatus.PROCESSING, "generate_report", TINY_REPORT, "c-1",
        "dev-user", "dev-tenant", "AAAAAAAAAAAAAAA=", null, Map.of(), now, now.plus(Duration.ofDays(1))
        .getEpochSecond(), 0, 3, null, 1, now, null, now.plus(lease), 0.4, "part one", null, null, null, false);
    dynamoDb.putItem(b -> b.tableName(stack.tables().requests()).item(RequestItemCodec.toItem(crashed)));
    long start = System.nanoTime();
    RequestRecord current = crashed;
    while (current.status() != RequestStatus.COMPLETED && System.nanoTime() - start < TimeUnit.MINUTES.toNanos(5)) {
      Thread.sleep(200);
      current = RequestItemCodec.fromItem(dynamoDb.getItem(b -> b.tableName(stack.tables().requests())
          .key(Map.of("requestId", AttributeValue.fromS(id))).consistentRead(true)).item());
    }
    double took = (System.nanoTime() - start) / 1e9;
    out.printf(Locale.ROOT, "  %-58s %7.1f s   (lease %d s; target <= 90 s; status %s, attempt %d, progress %s)%n",
        "crash (last renewal) → re-run completed", took, lease.toSeconds(), current.status(), current.attempts(),
        current.progress());
  }
}
