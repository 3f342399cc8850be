package dev.streamer.runtime.aws.internal.limits;

import dev.streamer.runtime.aws.tables.StreamerTables;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Fair per-tenant concurrency of queued jobs ({@link RunningCaps}, {@code MAX_RUNNING_PER_TENANT}): at most the cap
 * of a tenant's jobs run at once; a due job over it is not refused but deferred (left PENDING, nothing written to
 * it), and deferred jobs start in order of creation as the tenant's running jobs finish. Other tenants are never
 * waited for: a deferral returns at once.
 *
 * <p>One item per tenant (and per action with its own cap) in the connections table,
 * {@code slots:running:<*|action>:<tenant>}: {@code holders} (request id → lease expiry, epoch ms), {@code waiting}
 * (request id → creation time) and {@code version}. Every change, admission, deferral and release, is one write
 * conditioned on the version read, so concurrent processor instances never exceed the cap and never lose a waiter.
 * A job is admitted when a place is free and fewer older jobs wait than places are free; a release wakes the oldest
 * waiters ({@code wake}: a touch of the request item, whose stream record brings it back to the claim step) and
 * drops those that are no longer PENDING. A holder's place is tied to its job's lease: admitted until the first lease
 * expiry, {@link #renew renewed} with the lease's heartbeat, released on the outcome; a crashed worker stops
 * renewing, so its place expires with its lease and the next admission takes it. A waiter whose wake was lost is
 * re-driven by the sweeper as a stale PENDING request.
 */
public final class TenantConcurrency {

  static final String HOLDERS = "holders";
  static final String WAITING = "waiting";
  static final String VERSION = "version";
  static final int MAX_ATTEMPTS = 25;

  /** The answer for one due job. */
  public sealed interface Admission {
    /** Holds a place: claim and run it, then {@link #release}. */
    record Admitted() implements Admission {}

    /** Holds a place already: it runs elsewhere (this is a redelivered record); leave it alone, release nothing. */
    record AlreadyRunning() implements Admission {}

    /**
     * Over the cap: left PENDING.
     *
     * @param position 1 for the next to start
     * @param running  the tenant's jobs running now
     * @param cap      the cap
     */
    record Deferred(int position, int running, int cap) implements Admission {}
  }

  private static final Admission ADMITTED = new Admission.Admitted();
  private static final Admission ALREADY_RUNNING = new Admission.AlreadyRunning();

  private final DynamoDbClient client;
  private final String tableName;
  private final RunningCaps caps;
  private final Predicate<String> wake;
  private final Clock clock;

  /**
   * @param wake touches a PENDING request so that it comes back to the claim step; false when it is no longer
   *             PENDING (it is then dropped from the waiters)
   */
  public TenantConcurrency(DynamoDbClient client, String tableName, RunningCaps caps, Predicate<String> wake,
      Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.tableName = Objects.requireNonNull(tableName, "tableName");
    this.caps = Objects.requireNonNull(caps, "caps");
    this.wake = Objects.requireNonNull(wake, "wake");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public RunningCaps caps() {
    return caps;
  }

  /**
   * Admits or defers job {@code requestId} of {@code tenantId} created at {@code createdAt}, to hold its place
   * until {@code leaseExpiresAt}. Jobs without a tenant, or when no cap applies, are always admitted.
   */
  public Admission admit(String requestId, String tenantId, String action, Instant createdAt,
      Instant leaseExpiresAt) {
    int cap = caps.capOf(action);
    if (tenantId == null || cap <= 0) {
      return ADMITTED;
    }
    String key = caps.setOf(tenantId, action);
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      State state = read(key);
      if (state.holders.containsKey(requestId)) {
        return ALREADY_RUNNING; // a redelivered record of a job that holds its place already
      }
      int free = cap - state.holders.size();
      List<String> older = state.olderThan(requestId, createdAt.toEpochMilli());
      Map<String, AttributeValue> values = new HashMap<>();
      Map<String, String> names = new HashMap<>(Map.of("#h", HOLDERS, "#w", WAITING, "#v", VERSION,
          "#ttl", StreamerTables.TTL, "#me", requestId));
      StringBuilder set = new StringBuilder("SET #v = :next, #ttl = :ttl");
      List<String> remove = new ArrayList<>();
      state.pruneExpired(names, remove);
      boolean admitted = free > 0 && older.size() < free;
      long latest = Math.max(state.latestExpiry, leaseExpiresAt.toEpochMilli());
      if (admitted) {
        set.append(state.hasHolders ? ", #h.#me = :lease" : ", #h = :holders");
        values.put(state.hasHolders ? ":lease" : ":holders", state.hasHolders ? n(leaseExpiresAt.toEpochMilli())
            : AttributeValue.fromM(Map.of(requestId, n(leaseExpiresAt.toEpochMilli()))));
        if (state.waiting.containsKey(requestId)) {
          remove.add("#w.#me");
        }
      } else if (!state.waiting.containsKey(requestId)) {
        set.append(state.hasWaiting ? ", #w.#me = :created" : ", #w = :waiting");
        values.put(state.hasWaiting ? ":created" : ":waiting", state.hasWaiting ? n(createdAt.toEpochMilli())
            : AttributeValue.fromM(Map.of(requestId, n(createdAt.toEpochMilli()))));
      }
      values.put(":next", n(state.version + 1));
      // the item outlives its last lease, and waiters for a day (the sweeper re-drives them well before)
      values.put(":ttl", n(Math.max(latest, clock.millis() + 86_400_000L) / 1000));
      if (!admitted && state.waiting.containsKey(requestId) && remove.isEmpty()) {
        return deferred(key, older, free, state, cap); // already waiting: nothing to write
      }
      if (write(key, state, set, remove, names, values)) {
        if (admitted) {
          return ADMITTED;
        }
        Admission deferred = deferred(key, older, free, state, cap);
        if (deferred != null) {
          return deferred;
        }
        continue; // stale older waiters were dropped: try again at once
      }
      backOff(attempt);
    }
    throw new IllegalStateException("running set " + key + " kept changing; gave up after " + MAX_ATTEMPTS);
  }

  /** Deferred, after waking the older waiters free places can start; null when stale ones were dropped. */
  private Admission deferred(String key, List<String> older, int free, State state, int cap) {
    if (free > 0 && wakeOlder(key, older, free)) {
      return null;
    }
    return new Admission.Deferred(older.size() + 1, state.holders.size(), cap);
  }

  /**
   * Extends the place of running job {@code requestId} to {@code until} (its lease's new expiry): one conditional
   * write, which fails when the place expired meanwhile (it may have been given to another job; it is not taken
   * back). Jobs without a tenant, or when no cap applies, hold no place and get true.
   *
   * @return whether the job still holds its place
   */
  public boolean renew(String requestId, String tenantId, String action, Instant until) {
    int cap = caps.capOf(action);
    if (tenantId == null || cap <= 0) {
      return true;
    }
    try {
      // no version bump: the number of holders does not change, so concurrent admissions need not retry
      client.updateItem(b -> b.tableName(tableName)
          .key(key(caps.setOf(tenantId, action)))
          .updateExpression("SET #h.#me = :until")
          .conditionExpression("#h.#me > :now")
          .expressionAttributeNames(Map.of("#h", HOLDERS, "#me", requestId))
          .expressionAttributeValues(Map.of(":until", n(until.toEpochMilli()), ":now", n(clock.millis()))));
      return true;
    } catch (ConditionalCheckFailedException expired) {
      return false;
    }
  }

  /**
   * Gives back the place of {@code requestId} (after its outcome, a retry, or a cancel) and wakes the oldest waiters
   * that the free places can start.
   */
  public void release(String requestId, String tenantId, String action) {
    int cap = caps.capOf(action);
    if (tenantId == null || cap <= 0) {
      return;
    }
    String key = caps.setOf(tenantId, action);
    try {
      client.updateItem(b -> b.tableName(tableName)
          .key(key(key))
          .updateExpression("REMOVE #h.#me SET #v = #v + :one")
          .conditionExpression("attribute_exists(#h)")
          .expressionAttributeNames(Map.of("#h", HOLDERS, "#v", VERSION, "#me", requestId))
          .expressionAttributeValues(Map.of(":one", n(1))));
    } catch (ConditionalCheckFailedException absent) {
      return;
    }
    State state = read(key);
    int free = cap - state.holders.size();
    if (free > 0) {
      wakeOlder(key, state.olderThan(null, Long.MAX_VALUE), free);
    }
  }

  /**
   * The place of deferred job {@code requestId} (1: next), and the tenant's running jobs and cap, or null when it
   * is not waiting.
   */
  public Admission.Deferred position(String requestId, String tenantId, String action) {
    int cap = caps.capOf(action);
    if (tenantId == null || cap <= 0) {
      return null;
    }
    State state = read(caps.setOf(tenantId, action));
    AttributeValue created = state.waiting.get(requestId);
    if (created == null) {
      return null;
    }
    int older = state.olderThan(requestId, Long.parseLong(created.n())).size();
    return new Admission.Deferred(older + 1, state.holders.size(), cap);
  }

  /** Wakes up to {@code count} of {@code waiters} (oldest first); true when some were dropped as no longer waiting. */
  private boolean wakeOlder(String key, List<String> waiters, int count) {
    boolean dropped = false;
    int woken = 0;
    for (String waiter : waiters) {
      if (woken == count) {
        break;
      }
      if (wake.test(waiter)) {
        woken++;
      } else {
        dropped = true;
        client.updateItem(b -> b.tableName(tableName)
            .key(key(key))
            .updateExpression("REMOVE #w.#id SET #v = #v + :one")
            .expressionAttributeNames(Map.of("#w", WAITING, "#v", VERSION, "#id", waiter))
            .expressionAttributeValues(Map.of(":one", n(1))));
      }
    }
    return dropped;
  }

  private boolean write(String key, State state, StringBuilder set, List<String> remove, Map<String, String> names,
      Map<String, AttributeValue> values) {
    String condition = state.exists ? "#v = :version" : "attribute_not_exists(#v)";
    if (state.exists) {
      values.put(":version", n(state.version));
    }
    String update = set + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
    String expressions = update + " " + condition;
    // DynamoDB refuses names no expression uses
    names.keySet().removeIf(name -> !Pattern.compile(Pattern.quote(name) + "\\b").matcher(expressions).find());
    try {
      client.updateItem(b -> b.tableName(tableName)
          .key(key(key))
          .updateExpression(update)
          .conditionExpression(condition)
          .expressionAttributeNames(names)
          .expressionAttributeValues(values));
      return true;
    } catch (ConditionalCheckFailedException conflict) {
      return false;
    }
  }

  /** The item as read consistently, expired holders left out. */
  private State read(String key) {
    Map<String, AttributeValue> item = client.getItem(b -> b.tableName(tableName).key(key(key)).consistentRead(true))
        .item();
    return new State(item == null ? Map.of() : item, clock.millis());
  }

  private static final class State {
    final boolean exists;
    final long version;
    final boolean hasHolders;
    final boolean hasWaiting;
    final Map<String, Long> holders = new HashMap<>();
    final List<String> expired = new ArrayList<>();
    final Map<String, AttributeValue> waiting;
    long latestExpiry;

    State(Map<String, AttributeValue> item, long now) {
      exists = item.containsKey(VERSION);
      version = exists ? Long.parseLong(item.get(VERSION).n()) : 0;
      hasHolders = item.containsKey(HOLDERS);
      hasWaiting = item.containsKey(WAITING);
      waiting = hasWaiting ? item.get(WAITING).m() : Map.of();
      if (hasHolders) {
        item.get(HOLDERS).m().forEach((id, expiry) -> {
          long at = Long.parseLong(expiry.n());
          if (at > now) {
            holders.put(id, at);
            latestExpiry = Math.max(latestExpiry, at);
          } else {
            expired.add(id);
          }
        });
      }
    }

    /** Waiters created before ({@code createdAt}, {@code requestId}), oldest first. */
    List<String> olderThan(String requestId, long createdAt) {
      Comparator<Map.Entry<String, AttributeValue>> order = Comparator
          .<Map.Entry<String, AttributeValue>>comparingLong(e -> Long.parseLong(e.getValue().n()))
          .thenComparing(Map.Entry::getKey);
      return waiting.entrySet().stream()
          .filter(e -> !e.getKey().equals(requestId))
          .filter(e -> {
            long at = Long.parseLong(e.getValue().n());
            return at < createdAt || at == createdAt && requestId != null && e.getKey().compareTo(requestId) < 0;
          })
          .sorted(order)
          .map(Map.Entry::getKey)
          .toList();
    }

    /** Adds removals of (at most 20) expired holders to an update. */
    void pruneExpired(Map<String, String> names, List<String> remove) {
      for (int i = 0; i < Math.min(20, expired.size()); i++) {
        names.put("#x" + i, expired.get(i));
        remove.add("#h.#x" + i);
      }
    }
  }

  private static Map<String, AttributeValue> key(String key) {
    return Map.of(StreamerTables.CONNECTION_ID, AttributeValue.fromS(key));
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  private static void backOff(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, 1L + Math.min(50, 2L * attempt)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while admitting a job", e);
    }
  }
}
