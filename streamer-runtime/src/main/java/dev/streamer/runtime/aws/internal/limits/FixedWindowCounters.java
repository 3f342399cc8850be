package dev.streamer.runtime.aws.internal.limits;

import dev.streamer.core.limits.RateLimit;
import dev.streamer.runtime.aws.tables.StreamerTables;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Fixed-window request counters in DynamoDB, exact across any number of Lambda instances: one item per key and
 * window, and one conditional {@code UpdateItem} per request ({@code ADD count 1} if {@code count < limit}), so
 * two instances can never both take the last slot.
 *
 * <p>Windows are aligned to the epoch ({@link RateLimit#windowStart}). The algorithm's known cost: a client may
 * send {@code limit} requests at the end of one window and {@code limit} more at the start of the next, so up to
 * {@code 2 × limit} requests can pass within one window's length around a boundary; never more than
 * {@code limit} within one aligned window. Sliding windows would need a read and a write (or a list of timestamps)
 * per request.
 *
 * <p>The items live in the connections table ({@link StreamerTables#CONNECTIONS}) under ids that API Gateway
 * connection ids cannot take ({@code rate:<scope>:<action>:<windowSeconds>:<windowStart>:<id>}), without
 * {@code userId}/{@code tenantId} (so no index holds them), and expire by the table's TTL one minute after their
 * window ends. Every key derived from a caller's id is bounded: ids over {@value #MAX_ID_CHARS} characters are
 * replaced by their SHA-256.
 */
public final class FixedWindowCounters {

  /** Counter attribute. */
  static final String COUNT = "requests";
  static final int MAX_ID_CHARS = 512;
  /** How long a counter item outlives its window (TTL deletion is lazy anyway). */
  static final long TTL_GRACE_SECONDS = 60;

  /**
   * The answer for one request.
   *
   * @param allowed    whether it may proceed (its slot is taken)
   * @param retryAt    when the window ends, the earliest time a refused request can pass
   * @param itemKey    the counter item, for {@link #release}
   */
  public record Decision(boolean allowed, Instant retryAt, String itemKey) {}

  private final DynamoDbClient client;
  private final String tableName;
  private final Clock clock;

  public FixedWindowCounters(DynamoDbClient client, String tableName, Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.tableName = Objects.requireNonNull(tableName, "tableName");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Takes one slot of {@code limit} for {@code id} in the current window, or refuses.
   *
   * @param counter what is counted, such as {@code user:generate_report} (no caller data)
   * @param id      whose requests: a user or tenant id
   */
  public Decision acquire(String counter, String id, RateLimit limit) {
    long now = clock.millis();
    long start = limit.windowStart(now);
    long end = start + limit.window().toMillis();
    String itemKey = "rate:" + counter + ":" + limit.windowSeconds() + ":" + start + ":" + bounded(id);
    try {
      client.updateItem(b -> b.tableName(tableName)
          .key(Map.of(StreamerTables.CONNECTION_ID, AttributeValue.fromS(itemKey)))
          .updateExpression("ADD #n :one SET #ttl = if_not_exists(#ttl, :ttl)")
          .conditionExpression("attribute_not_exists(#n) OR #n < :limit")
          .expressionAttributeNames(Map.of("#n", COUNT, "#ttl", StreamerTables.TTL))
          .expressionAttributeValues(Map.of(
              ":one", AttributeValue.fromN("1"),
              ":limit", AttributeValue.fromN(Long.toString(limit.limit())),
              ":ttl", AttributeValue.fromN(Long.toString(Math.floorDiv(end, 1000) + TTL_GRACE_SECONDS)))));
      return new Decision(true, Instant.ofEpochMilli(end), itemKey);
    } catch (RuntimeException e) {
      // caught as a supertype: a catch clause naming it would load the SDK exception with this class at cold start
      if (e instanceof ConditionalCheckFailedException) { // full
        return new Decision(false, Instant.ofEpochMilli(end), itemKey);
      }
      throw e;
    }
  }

  /** Gives back a slot taken by {@link #acquire} (a request refused by a later limit after all). */
  public void release(Decision taken) {
    if (!taken.allowed()) {
      return;
    }
    try {
      client.updateItem(b -> b.tableName(tableName)
          .key(Map.of(StreamerTables.CONNECTION_ID, AttributeValue.fromS(taken.itemKey())))
          .updateExpression("ADD #n :minus")
          .conditionExpression("#n > :zero")
          .expressionAttributeNames(Map.of("#n", COUNT))
          .expressionAttributeValues(Map.of(":minus", AttributeValue.fromN("-1"), ":zero",
              AttributeValue.fromN("0"))));
    } catch (RuntimeException e) { // as in acquire
      if (!(e instanceof ConditionalCheckFailedException)) {
        throw e;
      } // else the item expired in the meantime: nothing to give back
    }
  }

  private static String bounded(String id) {
    return id.length() <= MAX_ID_CHARS ? id : "sha256-" + sha256(id);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
