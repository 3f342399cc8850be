package dev.streamer.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The calls of a {@link StreamerClient} waiting for their final reply (requests and the client's own
 * {@code subscribe}s): by the client's {@code id}, and by the server's {@code requestId} once acknowledged, so that
 * every reply finds its call. Thread-safe.
 */
final class InFlightTable {

  private final Map<String, InFlight> byId = new ConcurrentHashMap<>();
  private final Map<String, InFlight> byRequestId = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  /** A client id never used before by this client: {@code prefix} and a counter. */
  String nextId(String prefix) {
    return prefix + ids.incrementAndGet();
  }

  void add(InFlight call) {
    byId.put(call.clientId, call);
  }

  /** Removes {@code call} under both keys (only if it is still the one registered). */
  void remove(InFlight call) {
    byId.remove(call.clientId, call);
    if (call.requestId != null) {
      byRequestId.remove(call.requestId, call);
    }
  }

  /** Records the server's id of an acknowledged call, so later messages that carry only it are matched. */
  void bind(InFlight call, String requestId) {
    call.requestId = requestId;
    byRequestId.put(requestId, call);
  }

  /** The call a server message is for, by its {@code id}, else by its {@code requestId}; null when none. */
  InFlight match(String id, String requestId) {
    InFlight call = id == null ? null : byId.get(id);
    if (call == null && requestId != null) {
      call = byRequestId.get(requestId);
    }
    return call;
  }

  /** Every call now, subscribes included, as a copy to iterate while calls complete. */
  List<InFlight> snapshot() {
    return List.copyOf(byId.values());
  }

  /** Requests (not subscribes) waiting for their final reply. */
  int requests() {
    return (int) byId.values().stream().filter(c -> c.subscribeFor == null).count();
  }

  /** Fails every call with {@code failure}'s error, each with its own request id. */
  void failAll(StreamerClientException failure) {
    for (InFlight call : snapshot()) {
      call.fail(new StreamerClientException(failure.error(), call.requestId));
    }
  }
}
