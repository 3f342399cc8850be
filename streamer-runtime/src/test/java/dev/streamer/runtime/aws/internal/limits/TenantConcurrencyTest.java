package dev.streamer.runtime.aws.internal.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamer.runtime.aws.DynamoDbLocal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@link TenantConcurrency} on DynamoDB Local, with "processor instances" that each own a client and share nothing
 * but the table: the cap holds under races, deferred jobs start in order, and the wake-ups stand in for the stream
 * records that bring a deferred job back.
 */
class TenantConcurrencyTest {

  private final DynamoDbClient dynamo = DynamoDbLocal.client();
  private final String table = DynamoDbLocal.createTables("TenantConcurrency").connections();

  @AfterEach
  void close() {
    dynamo.close();
  }

  @Test
  void instancesRacingNeverExceedTheCapAndDeferredJobsAllRun() throws Exception {
    int cap = 3;
    int jobs = 30;
    LinkedBlockingQueue<String> stream = new LinkedBlockingQueue<>(); // due jobs, as stream records
    Set<String> pending = ConcurrentHashMap.newKeySet();
    Map<String, Instant> created = new ConcurrentHashMap<>();
    Instant start = Instant.now().minusSeconds(60);
    for (int i = 0; i < jobs; i++) {
      String id = String.format("job-%03d", i);
      created.put(id, start.plusMillis(i));
      pending.add(id);
      stream.add(id);
    }
    AtomicInteger running = new AtomicInteger();
    AtomicInteger maxRunning = new AtomicInteger();
    AtomicInteger giveUps = new AtomicInteger();
    List<String> done = new CopyOnWriteArrayList<>();
    int instances = 4;
    ExecutorService pool = Executors.newFixedThreadPool(instances * 2);
    List<java.util.concurrent.Future<?>> workers = new ArrayList<>();
    for (int w = 0; w < instances * 2; w++) {
      DynamoDbClient own = DynamoDbLocal.client(); // one instance's client
      TenantConcurrency gate = new TenantConcurrency(own, table, RunningCaps.parse(String.valueOf(cap)),
          id -> pending.contains(id) && stream.add(id), Clock.systemUTC());
      workers.add(pool.submit(() -> {
        try (own) {
          while (done.size() < jobs) {
            String id = stream.poll(50, TimeUnit.MILLISECONDS);
            if (id == null || !pending.contains(id)) {
              continue;
            }
            TenantConcurrency.Admission admission;
            try {
              admission = gate.admit(id, "acme", "job", created.get(id), Instant.now().plusSeconds(60));
            } catch (IllegalStateException contended) {
              // gave up under contention: the processor reports the record as failed and Lambda redelivers it
              giveUps.incrementAndGet();
              stream.add(id);
              continue;
            }
            if (!(admission instanceof TenantConcurrency.Admission.Admitted)) {
              continue; // deferred (left PENDING: a release wakes it), or running elsewhere already
            }
            if (!pending.remove(id)) {
              gate.release(id, "acme", "job"); // a duplicate record: someone ran it already
              continue;
            }
            int now = running.incrementAndGet();
            maxRunning.accumulateAndGet(now, Math::max);
            // Hold the place until the cap was reached once (at most 5 s), so that "the cap is used" does not depend
            // on how fast this machine admits the others: a gate admitting fewer than the cap makes jobs wait here
            // and the assertion below fail, whatever the load.
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (maxRunning.get() < cap && System.nanoTime() < until) {
              Thread.sleep(5);
            }
            Thread.sleep(40);
            running.decrementAndGet();
            done.add(id);
            gate.release(id, "acme", "job");
          }
        }
        return null;
      }));
    }
    for (java.util.concurrent.Future<?> worker : workers) {
      worker.get(120, TimeUnit.SECONDS);
    }
    pool.shutdownNow();
    assertEquals(jobs, done.size(), "every job ran once");
    assertEquals(jobs, Set.copyOf(done).size());
    assertTrue(maxRunning.get() <= cap, "at most " + cap + " at once, saw " + maxRunning.get());
    assertEquals(cap, maxRunning.get(), "the cap is used");
    assertTrue(giveUps.get() < jobs, "admissions mostly succeed under contention; gave up " + giveUps.get());
  }

  @Test
  void deferredJobsStartInOrderAndReportTheirPosition() {
    List<String> woken = new ArrayList<>();
    Set<String> notPending = ConcurrentHashMap.newKeySet();
    TenantConcurrency gate = new TenantConcurrency(dynamo, table, RunningCaps.parse("2, report=1"),
        id -> !notPending.contains(id) && woken.add(id), Clock.systemUTC());
    Instant t0 = Instant.parse("2026-11-30T12:00:00Z");
    Instant lease = Instant.now().plusSeconds(600);
    assertInstanceOf(TenantConcurrency.Admission.Admitted.class, gate.admit("a", "acme", "job", t0, lease));
    assertInstanceOf(TenantConcurrency.Admission.Admitted.class, gate.admit("b", "acme", "job", t0.plusMillis(1),
        lease));
    assertEquals(new TenantConcurrency.Admission.Deferred(1, 2, 2),
        gate.admit("c", "acme", "job", t0.plusMillis(2), lease));
    assertEquals(new TenantConcurrency.Admission.Deferred(2, 2, 2),
        gate.admit("d", "acme", "job", t0.plusMillis(3), lease));
    assertEquals(new TenantConcurrency.Admission.Deferred(2, 2, 2), gate.position("d", "acme", "job"));
    assertNull(gate.position("a", "acme", "job"), "running, not waiting");
    assertInstanceOf(TenantConcurrency.Admission.Admitted.class,
        gate.admit("x", "other", "job", t0.plusMillis(4), lease), "other tenants are not held up");
    assertInstanceOf(TenantConcurrency.Admission.Admitted.class,
        gate.admit("r", "acme", "report", t0.plusMillis(5), lease), "an action with its own cap");

    gate.release("a", "acme", "job");
    assertEquals(List.of("c"), woken, "the oldest waiter is woken");
    assertEquals(new TenantConcurrency.Admission.Deferred(2, 1, 2),
        gate.admit("d", "acme", "job", t0.plusMillis(3), lease), "d may not jump the queue");
    assertEquals(List.of("c", "c"), woken, "and nudges the older waiter a free place is kept for");
    assertInstanceOf(TenantConcurrency.Admission.Admitted.class, gate.admit("c", "acme", "job", t0.plusMillis(2),
        lease));
    assertEquals(new TenantConcurrency.Admission.Deferred(1, 2, 2), gate.position("d", "acme", "job"));

    // a waiter cancelled meanwhile is dropped on the next wake-up, and the next one is woken instead
    assertEquals(new TenantConcurrency.Admission.Deferred(2, 2, 2),
        gate.admit("e", "acme", "job", t0.plusMillis(6), lease));
    notPending.add("d");
    gate.release("b", "acme", "job");
    assertEquals(List.of("c", "c", "e"), woken);
    assertNull(gate.position("d", "acme", "job"));
    assertInstanceOf(TenantConcurrency.Admission.Admitted.class, gate.admit("e", "acme", "job", t0.plusMillis(6),
        lease));
  }

  @Test
  void aCrashedHoldersPlaceExpiresWithItsLease() {
    TenantConcurrency gate = new TenantConcurrency(dynamo, table, RunningCaps.parse("1"), id -> true,
        Clock.systemUTC());
    Instant t0 = Instant.now().minusSeconds(10);
    assertInstanceOf(TenantConcurrency.Admission.Admitted.class,
        gate.admit("crashed", "acme", "job", t0, Instant.now().plusMillis(300)));
    assertInstanceOf(TenantConcurrency.Admission.Deferred.class,
        gate.admit("next", "acme", "job", t0.plusMillis(1), Instant.now().plusSeconds(60)));
    sleep(Duration.ofMillis(400));
    assertInstanceOf(TenantConcurrency.Admission.Admitted.class,
        gate.admit("next", "acme", "job", t0.plusMillis(1), Instant.now().plusSeconds(60)));
  }

  @Test
  void aPlaceRenewedWithItsLeaseIsKeptAndOneLeftToExpireIsTakenByTheNext() {
    TenantConcurrency gate = new TenantConcurrency(dynamo, table, RunningCaps.parse("1"), id -> true,
        Clock.systemUTC());
    Instant t0 = Instant.now().minusSeconds(10);
    assertInstanceOf(TenantConcurrency.Admission.Admitted.class,
        gate.admit("running", "acme", "job", t0, Instant.now().plusMillis(400)));
    assertTrue(gate.renew("running", "acme", "job", Instant.now().plusMillis(1_200)));
    sleep(Duration.ofMillis(600)); // past the first expiry
    assertInstanceOf(TenantConcurrency.Admission.Deferred.class,
        gate.admit("next", "acme", "job", t0.plusMillis(1), Instant.now().plusSeconds(60)), "renewed: still held");
    sleep(Duration.ofMillis(800)); // past the renewed expiry: the worker stopped renewing
    assertInstanceOf(TenantConcurrency.Admission.Admitted.class,
        gate.admit("next", "acme", "job", t0.plusMillis(1), Instant.now().plusSeconds(60)));
    assertFalse(gate.renew("running", "acme", "job", Instant.now().plusSeconds(60)), "an expired place stays lost");
    assertTrue(gate.renew("anyone", null, "job", Instant.now()), "no tenant: no place to renew");
  }

  @Test
  void capsGrammar() {
    assertEquals(RunningCaps.NONE, RunningCaps.fromEnvironment(Map.of()));
    assertTrue(RunningCaps.parse(" ").isEmpty());
    RunningCaps caps = RunningCaps.parse("2, generate_report=1");
    assertEquals(2, caps.capOf("echo"));
    assertEquals(1, caps.capOf("generate_report"));
    assertEquals("slots:running:*:acme", caps.setOf("acme", "echo"));
    assertEquals("slots:running:generate_report:acme", caps.setOf("acme", "generate_report"));
    for (String bad : new String[] {"-1", "two", "2, 3", "2, Report=1", "2, a=1, a=2", "a=x"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunningCaps.parse(bad), bad);
      assertTrue(e.getMessage().startsWith("MAX_RUNNING_PER_TENANT"), e.getMessage());
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
