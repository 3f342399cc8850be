package dev.streamer.runtime.aws.internal.requests;

import dev.streamer.core.protocol.RequestStatus;
import static dev.streamer.runtime.aws.internal.requests.RequestAttributes.*;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts {@link RequestRecord}s to and from DynamoDB items. Absent optional fields are left out of the item
 * (DynamoDB has no use for NULL attributes and conditions test {@code attribute_not_exists}).
 */
public final class RequestItemCodec {

  private RequestItemCodec() {}

  public static Map<String, AttributeValue> toItem(RequestRecord r) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(REQUEST_ID, s(r.requestId()));
    item.put(STATUS, s(r.status().name()));
    item.put(ACTION, s(r.action()));
    putString(item, PAYLOAD, r.payload());
    putString(item, CLIENT_ID, r.clientId());
    putString(item, USER_ID, r.userId());
    putString(item, TENANT_ID, r.tenantId());
    putString(item, CONNECTION_ID, r.connectionId());
    putString(item, TRACE_ID, r.traceId());
    if (!r.metadata().isEmpty()) {
      Map<String, AttributeValue> m = new LinkedHashMap<>();
      r.metadata().forEach((k, v) -> m.put(k, s(v)));
      item.put(METADATA, AttributeValue.fromM(m));
    }
    putInstant(item, CREATED_AT, r.createdAt());
    item.put(TTL, n(r.ttlEpochSeconds()));
    item.put(RETRY_COUNT, n(r.retryCount()));
    item.put(MAX_RETRIES, n(r.maxRetries()));
    putInstant(item, RETRY_AFTER, r.retryAfter());
    item.put(ATTEMPTS, n(r.attempts()));
    putInstant(item, STARTED, r.started());
    putInstant(item, ENDED, r.ended());
    putInstant(item, LEASE_EXPIRES_AT, r.leaseExpiresAt());
    if (r.progress() != null) {
      item.put(PROGRESS, AttributeValue.fromN(Double.toString(r.progress())));
    }
    putString(item, PROGRESS_MESSAGE, r.progressMessage());
    putString(item, RESULT, r.result());
    putString(item, ERROR_CODE, r.errorCode());
    putString(item, ERROR_MESSAGE, r.errorMessage());
    if (r.cancelRequested()) {
      item.put(CANCEL_REQUESTED, AttributeValue.fromBool(true));
    }
    return item;
  }

  /** Reads a full item. Throws {@link IllegalArgumentException} when a required attribute is missing or malformed. */
  public static RequestRecord fromItem(Map<String, AttributeValue> item) {
    try {
      return new RequestRecord(
          requiredString(item, REQUEST_ID),
          RequestStatus.valueOf(requiredString(item, STATUS)),
          requiredString(item, ACTION),
          string(item, PAYLOAD),
          string(item, CLIENT_ID),
          string(item, USER_ID),
          string(item, TENANT_ID),
          string(item, CONNECTION_ID),
          string(item, TRACE_ID),
          metadata(item),
          instant(item, CREATED_AT),
          longValue(item, TTL, 0),
          (int) longValue(item, RETRY_COUNT, 0),
          (int) longValue(item, MAX_RETRIES, 0),
          instant(item, RETRY_AFTER),
          (int) longValue(item, ATTEMPTS, 0),
          instant(item, STARTED),
          instant(item, ENDED),
          instant(item, LEASE_EXPIRES_AT),
          doubleValue(item, PROGRESS),
          string(item, PROGRESS_MESSAGE),
          string(item, RESULT),
          string(item, ERROR_CODE),
          string(item, ERROR_MESSAGE),
          bool(item, CANCEL_REQUESTED));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("malformed requests item " + item.get(REQUEST_ID), e);
    }
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  static AttributeValue millis(Instant value) {
    return n(value.toEpochMilli());
  }

  static String string(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null ? null : v.s();
  }

  static long longValue(Map<String, AttributeValue> item, String name, long absent) {
    AttributeValue v = item.get(name);
    return v == null || v.n() == null ? absent : Long.parseLong(v.n());
  }

  static Double doubleValue(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null || v.n() == null ? null : Double.valueOf(v.n());
  }

  static Instant instant(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null || v.n() == null ? null : Instant.ofEpochMilli(Long.parseLong(v.n()));
  }

  static boolean bool(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v != null && Boolean.TRUE.equals(v.bool());
  }

  private static String requiredString(Map<String, AttributeValue> item, String name) {
    String value = string(item, name);
    if (value == null) {
      throw new IllegalArgumentException("requests item without " + name);
    }
    return value;
  }

  private static Map<String, String> metadata(Map<String, AttributeValue> item) {
    AttributeValue v = item.get(METADATA);
    if (v == null || !v.hasM()) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    v.m().forEach((k, av) -> {
      if (av.s() != null) {
        out.put(k, av.s());
      }
    });
    return out;
  }

  private static void putString(Map<String, AttributeValue> item, String name, String value) {
    if (value != null) {
      item.put(name, s(value));
    }
  }

  private static void putInstant(Map<String, AttributeValue> item, String name, Instant value) {
    if (value != null) {
      item.put(name, millis(value));
    }
  }
}
