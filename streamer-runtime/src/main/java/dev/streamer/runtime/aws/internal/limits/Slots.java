package dev.streamer.runtime.aws.internal.limits;

import dev.streamer.runtime.aws.tables.StreamerTables;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiPredicate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Capped sets of holders in DynamoDB ("at most N at once"), exact across concurrent instances: one item per set
 * with a map {@code holders} of member → expiry (epoch ms) and a {@code version}. Acquiring reads the item, drops
 * expired holders, and writes the new holder conditioned on the version it read (optimistic locking, retried on a
 * conflict), so two instances can never both take the last place. Releasing removes the member without a version
 * check, which can only lower the count another writer saw.
 *
 * <p>Every holder expires, so a release that never comes (a lost {@code $disconnect}, a crashed worker) frees its
 * place by itself: a connection after API Gateway's 2-hour maximum, a job after its lease. Items live in the
 * connections table under {@code slots:<kind>:<id>} keys (see {@link FixedWindowCounters} for why), expiring by
 * TTL after their last holder.
 */
public final class Slots {

  static final String HOLDERS = "holders";
  static final String VERSION = "version";
  static final int MAX_ATTEMPTS = 25;
  /** Expired holders removed per write, to keep expressions small; the rest go on later writes. */
  static final int MAX_REMOVALS = 20;

  private final DynamoDbClient client;
  private final String tableName;
  private final Clock clock;

  public Slots(DynamoDbClient client, String tableName, Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.tableName = Objects.requireNonNull(tableName, "tableName");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Makes {@code member} a holder of set {@code key} until {@code expiresAt}, unless {@code cap} live holders exist
   * already. Idempotent: a member that holds a place already keeps it (its expiry is extended) and gets true.
   *
   * @return whether {@code member} holds a place now
   * @throws IllegalStateException if conflicting writers kept winning for {@value #MAX_ATTEMPTS} attempts
   */
  public boolean acquire(String key, String member, Instant expiresAt, int cap) {
    return acquire(key, member, expiresAt, cap, (holder, expiry) -> true);
  }

  /**
   * As {@link #acquire(String, String, Instant, int)}; when the set is full, each live holder is checked with
   * {@code stillHeld} (member, expiry) and those it rejects are dropped (a holder whose release was lost).
   */
  public boolean acquire(String key, String member, Instant expiresAt, int cap,
      BiPredicate<String, Instant> stillHeld) {
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      Map<String, AttributeValue> item = read(key);
      long now = clock.millis();
      Map<String, AttributeValue> holders = item.containsKey(HOLDERS) ? item.get(HOLDERS).m() : Map.of();
      List<String> expired = new ArrayList<>();
      long live = 0;
      long latest = expiresAt.toEpochMilli();
      for (Map.Entry<String, AttributeValue> holder : holders.entrySet()) {
        long expiry = Long.parseLong(holder.getValue().n());
        if (expiry <= now) {
          expired.add(holder.getKey());
        } else if (!holder.getKey().equals(member)) {
          live++;
          latest = Math.max(latest, expiry);
        }
      }
      boolean holds = holders.containsKey(member) && !expired.contains(member);
      if (!holds && live >= cap) {
        for (Map.Entry<String, AttributeValue> holder : holders.entrySet()) {
          if (!expired.contains(holder.getKey()) && !stillHeld.test(holder.getKey(),
              Instant.ofEpochMilli(Long.parseLong(holder.getValue().n())))) {
            expired.add(holder.getKey());
            live--;
          }
        }
        if (live >= cap) {
          return false;
        }
      }
      if (write(key, item, member, expiresAt, latest, expired)) {
        return true;
      }
      backOff(attempt);
    }
    throw new IllegalStateException("slot set " + key + " kept changing; gave up after " + MAX_ATTEMPTS);
  }

  /** Gives up {@code member}'s place in {@code key}, if it holds one. */
  public void release(String key, String member) {
    try {
      client.updateItem(b -> b.tableName(tableName)
          .key(key(key))
          .updateExpression("REMOVE #h.#m")
          .conditionExpression("attribute_exists(#h)")
          .expressionAttributeNames(Map.of("#h", HOLDERS, "#m", member)));
    } catch (ConditionalCheckFailedException absent) {
      // no such set: nothing to release
    }
  }

  /** The live holders of {@code key} (read consistently), member → expiry. */
  public Map<String, Instant> holders(String key) {
    Map<String, AttributeValue> item = read(key);
    long now = clock.millis();
    Map<String, Instant> live = new HashMap<>();
    if (item.containsKey(HOLDERS)) {
      item.get(HOLDERS).m().forEach((member, expiry) -> {
        long at = Long.parseLong(expiry.n());
        if (at > now) {
          live.put(member, Instant.ofEpochMilli(at));
        }
      });
    }
    return live;
  }

  private Map<String, AttributeValue> read(String key) {
    Map<String, AttributeValue> item = client.getItem(b -> b.tableName(tableName).key(key(key)).consistentRead(true))
        .item();
    return item == null ? Map.of() : item;
  }

  /** One conditional write of the set as read; false when another writer changed it first. */
  private boolean write(String key, Map<String, AttributeValue> item, String member, Instant expiresAt, long latest,
      List<String> expired) {
    Map<String, String> names = new HashMap<>(Map.of("#h", HOLDERS, "#v", VERSION, "#ttl", StreamerTables.TTL));
    Map<String, AttributeValue> values = new HashMap<>();
    long version = item.containsKey(VERSION) ? Long.parseLong(item.get(VERSION).n()) : 0;
    values.put(":next", AttributeValue.fromN(Long.toString(version + 1)));
    values.put(":ttl", AttributeValue.fromN(Long.toString(Math.floorDiv(latest, 1000) + 60)));
    AttributeValue expiry = AttributeValue.fromN(Long.toString(expiresAt.toEpochMilli()));
    StringBuilder update = new StringBuilder("SET #v = :next, #ttl = :ttl, ");
    if (!item.containsKey(HOLDERS)) {
      update.append("#h = :holders");
      values.put(":holders", AttributeValue.fromM(Map.of(member, expiry)));
    } else {
      names.put("#m", member);
      update.append("#h.#m = :expiry");
      values.put(":expiry", expiry);
      List<String> removals = new ArrayList<>();
      for (String gone : expired) {
        if (removals.size() == MAX_REMOVALS) {
          break;
        }
        if (!gone.equals(member)) {
          String name = "#e" + removals.size();
          names.put(name, gone);
          removals.add("#h." + name);
        }
      }
      if (!removals.isEmpty()) {
        update.append(" REMOVE ").append(String.join(", ", removals));
      }
    }
    String condition = item.containsKey(VERSION) ? "#v = :version" : "attribute_not_exists(#v)";
    if (item.containsKey(VERSION)) {
      values.put(":version", item.get(VERSION));
    }
    try {
      client.updateItem(b -> b.tableName(tableName)
          .key(key(key))
          .updateExpression(update.toString())
          .conditionExpression(condition)
          .expressionAttributeNames(names)
          .expressionAttributeValues(values));
      return true;
    } catch (ConditionalCheckFailedException conflict) {
      return false;
    }
  }

  private static Map<String, AttributeValue> key(String key) {
    return Map.of(StreamerTables.CONNECTION_ID, AttributeValue.fromS(key));
  }

  private static void backOff(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, 1L + Math.min(50, 2L * attempt)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while acquiring a slot", e);
    }
  }
}
