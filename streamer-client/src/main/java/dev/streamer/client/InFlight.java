package dev.streamer.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * One request between {@link StreamerClient#request} and its final reply. Mutated only on the client's callback
 * thread, except the future, which may also be completed by a timeout or by {@link StreamerClient#close()}.
 */
final class InFlight {

  final String clientId;
  final String envelope;
  final RequestListener listener;
  /** For an internal {@code subscribe}: the request it re-attaches; else null. */
  final InFlight subscribeFor;
  final CompletableFuture<String> result = new CompletableFuture<>();
  String requestId;
  /** The connection it was last sent on, or null while unsent. */
  SocketConnection sentOn;
  double lastProgress = -1;
  ScheduledFuture<?> timeout;

  InFlight(String clientId, String envelope, RequestListener listener, InFlight subscribeFor) {
    this.clientId = clientId;
    this.envelope = envelope;
    this.listener = listener;
    this.subscribeFor = subscribeFor;
  }

  void fail(StreamerClientException failure) {
    result.completeExceptionally(failure);
  }
}
