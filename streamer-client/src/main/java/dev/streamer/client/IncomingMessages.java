package dev.streamer.client;

import dev.streamer.core.protocol.ErrorCode;
import dev.streamer.core.protocol.StreamerError;

/**
 * What a {@link StreamerClient} does with each message the server sends: server events go to their listeners;
 * acknowledgments, progress, results and errors to the call they answer (a subscribe's reply to the request it
 * re-attached). Runs on the client's callback thread only.
 */
final class IncomingMessages {

  private final StreamerClient.Builder settings;
  private final InFlightTable calls;
  private final EventListeners events;

  IncomingMessages(StreamerClient.Builder settings, InFlightTable calls, EventListeners events) {
    this.settings = settings;
    this.calls = calls;
    this.events = events;
  }

  void received(String text) {
    if (settings.messageListener != null) {
      settings.messageListener.accept(text);
    }
    ServerMessage message = ServerMessage.parse(text);
    if (message.type() == null) {
      return;
    }
    if ("event".equals(message.type())) {
      events.dispatch(message.event(), message.data());
      return;
    }
    InFlight call = calls.match(message.id(), message.requestId());
    if (call == null || call.result.isDone()) {
      return; // a late message of a finished request
    }
    if (call.subscribeFor != null) {
      subscribed(call, message);
      return;
    }
    if (message.requestId() != null && call.requestId == null) {
      calls.bind(call, message.requestId());
      if (call.listener != null && "ack".equals(message.type())) {
        call.listener.onAck(call.requestId);
      }
    }
    switch (message.type()) {
      case "progress" -> progress(call, message.progress(), message.message());
      case "result" -> call.result.complete(message.data() == null ? "null" : message.data());
      case "error" -> call.fail(new StreamerClientException(message.error() != null ? message.error()
          : StreamerError.of(ErrorCode.INTERNAL_ERROR, "error without details"), message.requestId()));
      default -> { } // ack handled above; unknown types are ignored for forward compatibility
    }
  }

  private void subscribed(InFlight subscription, ServerMessage message) {
    InFlight target = subscription.subscribeFor;
    subscription.result.complete(message.type());
    if (target.result.isDone()) {
      return;
    }
    if ("error".equals(message.type())) {
      target.fail(new StreamerClientException(message.error() != null ? message.error()
          : StreamerError.of(ErrorCode.INTERNAL_ERROR, "subscribe failed"), target.requestId));
      return;
    }
    if (!"result".equals(message.type()) || message.data() == null) {
      return;
    }
    StatusSnapshot status;
    try {
      status = StatusSnapshot.parse(message.data());
    } catch (IllegalArgumentException malformed) {
      return; // the result still arrives by itself if the request completes later
    }
    if (status.completed()) {
      target.result.complete(status.result() == null ? "null" : status.result());
    } else if (status.failed()) {
      target.fail(new StreamerClientException(status.failure(), target.requestId));
    } else if (!Double.isNaN(status.progress())) {
      progress(target, status.progress(), status.message());
    }
  }

  /** Passes on progress that moves forward; a report at or below the last one is dropped. */
  private void progress(InFlight call, double progress, String message) {
    if (Double.isNaN(progress) || progress <= call.lastProgress) {
      return;
    }
    call.lastProgress = progress;
    if (call.listener != null) {
      call.listener.onProgress(new ProgressUpdate(call.requestId, progress, message));
    }
  }
}
