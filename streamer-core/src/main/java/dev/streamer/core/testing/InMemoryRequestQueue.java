package dev.streamer.core.testing;

import dev.streamer.core.routing.AsyncRequest;
import dev.streamer.core.routing.RequestQueue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link RequestQueue} in memory, <b>for unit tests only</b>: nothing is durable and nothing executes the requests.
 * Thread-safe. Idempotent per request id: enqueueing an id again keeps the first request.
 */
public final class InMemoryRequestQueue implements RequestQueue {

  private final Map<String, AsyncRequest> byId = new LinkedHashMap<>();

  @Override
  public synchronized void enqueue(AsyncRequest request) {
    byId.putIfAbsent(request.requestId(), request);
  }

  /** The queued requests in arrival order, without removing them. */
  public synchronized List<AsyncRequest> requests() {
    return List.copyOf(byId.values());
  }

  /** Removes and returns the queued requests in arrival order. */
  public synchronized List<AsyncRequest> drain() {
    List<AsyncRequest> all = new ArrayList<>(byId.values());
    byId.clear();
    return all;
  }

  /** The queued request with {@code requestId}, or null. */
  public synchronized AsyncRequest find(String requestId) {
    return byId.get(requestId);
  }

  public synchronized int size() {
    return byId.size();
  }
}
