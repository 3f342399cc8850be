package dev.streamer.core.routing;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.streamer.core.Progress;
import dev.streamer.core.RequestContext;
import dev.streamer.core.protocol.ErrorCode;
import dev.streamer.core.protocol.ErrorMapper;
import dev.streamer.core.protocol.Limits;
import dev.streamer.core.protocol.Messages;
import dev.streamer.core.protocol.ProtocolException;
import dev.streamer.core.protocol.Envelope;
import dev.streamer.core.protocol.StreamerError;
import dev.streamer.core.validation.Violations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Routes one client message to its action and returns the one reply message, as JSON text: {@code result} for a
 * synchronous action, {@code ack} for a queued one, {@code error} for anything that went wrong.
 *
 * <p>Flow: size check (UTF-8 bytes) → Unicode check → parse envelope, decoding the payload in the same pass when the
 * action comes first → find route → decode payload (if not done yet) → validate (every violation)
 * → decide sync/async ({@code @QueueWhen} if the payload declares it, else {@link RouterConfig#asyncThreshold()} if
 * set, else the route's compiled {@code async()}) → async: interceptors in phase ENQUEUE around
 * {@link RequestQueue#enqueue}, then {@code ack}; sync: interceptors in phase SYNC around the action, then
 * {@code result}.
 *
 * <p>It never throws, except a {@link VirtualMachineError} other than {@link StackOverflowError} (which a client can
 * provoke, through a user's {@code @Pattern} on a long string, and which unwinds cleanly): every failure becomes a
 * typed error reply, and the client never sees a stack trace or an internal exception message. Thread-safe when the route table, queue and
 * interceptors are.
 */
public final class Router {

  /** Characters of an unknown action name echoed back to the client. */
  static final int MAX_ECHOED_ACTION = 64;

  private final RouteTable routes;
  private final RequestQueue queue;
  private final RouterConfig config;
  private final RouteExecutor executor;
  /** Built on the first error (a request that succeeds needs none); immutable, so a racy first use is harmless. */
  private ErrorMapper errors;

  public Router(RouteTable routes, RequestQueue queue, RouterConfig config) {
    this.routes = Objects.requireNonNull(routes, "routes");
    this.queue = Objects.requireNonNull(queue, "queue");
    this.config = Objects.requireNonNull(config, "config");
    this.executor = new RouteExecutor(config.interceptors());
  }

  public Router(RouteTable routes, RequestQueue queue) {
    this(routes, queue, RouterConfig.defaults());
  }

  public RouteTable routes() {
    return routes;
  }

  public RouterConfig config() {
    return config;
  }

  /** The executor with this router's interceptors, for running the same routes in phase ASYNC. */
  public RouteExecutor executor() {
    return executor;
  }

  /** Routes a text message; {@code caller} may be null for an anonymous caller without a connection. */
  public String route(String body, Caller caller) {
    return route(body, caller, null);
  }

  /**
   * Routes a text message whose synchronous execution must end by {@code deadline} (the Lambda's remaining time, for
   * example; null for none), which actions see as {@link RequestContext#remainingTime()}.
   */
  public String route(String body, Caller caller, Instant deadline) {
    return text(body != null && exceedsLimit(body) ? tooLarge() : handle(null, body, caller, deadline));
  }

  /** Routes a message given as UTF-8 bytes; bytes that are not valid UTF-8 are a VALIDATION_ERROR. */
  public String route(byte[] body, Caller caller) {
    return route(body, caller, null);
  }

  /**
   * Routes a message given as UTF-8 bytes, with a deadline as in {@link #route(String, Caller, Instant)}. The bytes
   * are read once: the envelope and, when the action comes before it, the payload, in the same pass.
   */
  public String route(byte[] body, Caller caller, Instant deadline) {
    return text(routeUtf8(body, caller, deadline));
  }

  /**
   * As {@link #route(byte[], Caller, Instant)}, answering with the reply's UTF-8 bytes, which are written straight
   * by Jackson's byte generator (no intermediate text): frame bytes in, reply bytes out.
   */
  public byte[] routeUtf8(byte[] body, Caller caller, Instant deadline) {
    if (body != null && body.length > config.maxMessageBytes()) {
      return tooLarge();
    }
    return handle(body, null, caller, deadline);
  }

  private static String text(byte[] reply) {
    return new String(reply, StandardCharsets.UTF_8);
  }

  /** Routes {@code bytes} or else {@code text}. */
  private byte[] handle(byte[] bytes, String text, Caller caller, Instant deadline) {
    String clientId = null;
    String requestId = null;
    String action = null;
    Caller who = caller == null ? Caller.anonymous(null) : caller;
    try {
      Envelope request = bytes != null ? Envelope.read(bytes, routes) : Envelope.read(text, routes);
      clientId = request.id();
      action = request.action();
      requestId = config.idGenerator() == null ? RequestIds.next() : config.idGenerator().get();
      Route<?, ?> route = routes.find(request.action());
      if (route == null) { // answered without throwing, as violations are: a stack trace costs microseconds
        return Messages.errorUtf8(clientId, requestId, StreamerError.of(ErrorCode.INVALID_ACTION,
            "unknown action \"" + truncate(request.action()) + "\""));
      }
      return dispatch(route, request, who, requestId, deadline);
    } catch (StackOverflowError e) { // unwound already: answer it like any other fault
      return failed(errors().toError(e, requestId), e, requestId, clientId, action, who);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      // tested here, not caught by name: a catch clause naming ProtocolException would load it (and
      // StreamerException) on every cold start
      if (e instanceof ProtocolException invalid) {
        return errorReply(invalid.clientId(), null, errors().toError(e, null));
      }
      return failed(errors().toError(e, requestId), e, requestId, clientId, action, who);
    }
  }

  /** The error message; an INTERNAL_ERROR is logged with its cause and the request's fields first. */
  private byte[] failed(StreamerError error, Throwable cause, String requestId, String clientId, String action,
      Caller caller) {
    if (error.code() == ErrorCode.INTERNAL_ERROR) {
      try {
        config.internalErrors().internalError(cause, requestId, clientId, action, caller);
      } catch (RuntimeException logFailure) {
        cause.addSuppressed(logFailure); // a broken log never changes the answer
      }
    }
    return errorReply(clientId, requestId, error);
  }

  /**
   * An error message. One over API Gateway's 128 KiB (a user exception's message or details can be any size) would
   * close the client's socket: it keeps its code and retry advice, and says it was too large instead.
   */
  private static byte[] errorReply(String clientId, String requestId, StreamerError error) {
    byte[] reply = Messages.errorUtf8(clientId, requestId, error);
    return reply.length <= Limits.MAX_MESSAGE_BYTES ? reply : Messages.errorUtf8(clientId, requestId,
        new StreamerError(error.code(), Messages.ERROR_TOO_LARGE, Map.of(), error.retry()));
  }

  /** Decoding faults propagate (they are the client's); execution faults are answered here. */
  private <P, R> byte[] dispatch(Route<P, R> route, Envelope request, Caller caller, String requestId,
      Instant deadline) throws IOException {
    P payload = RouteExecutor.decode(route, request);
    Violations violations = RouteExecutor.violations(route, payload);
    if (!violations.isEmpty()) { // answered without throwing: unwinding costs more than the rest of a small request
      return errorReply(request.id(), requestId, errors().violations(violations));
    }
    RequestContext context = new RequestContext(requestId, request.id(), route.action(), caller.connectionId(),
        caller.userId(), caller.tenantId(), caller.traceId(), caller.metadata(), deadline, null, config.clock(),
        config.notifiers().apply(caller));
    try {
      if (queues(route, payload)) {
        AsyncRequest queued = new AsyncRequest(requestId, request.id(), route.action(), request.payloadJson(),
            caller.connectionId(), caller.userId(), caller.tenantId(), caller.traceId(), config.clock().instant(),
            caller.metadata());
        executor.enqueue(route, payload, context, queue, queued);
        return Messages.ackUtf8(request.id(), requestId, route.action());
      }
      // a reporter only for an action that takes one: a cold start serving another loads no progress class
      Progress progress = !route.takesProgress() ? null : config.syncProgress() == null ? Progress.none()
          : Objects.requireNonNull(config.syncProgress().apply(context), "syncProgress");
      Object result = executor.execute(route, payload, context, progress, Phase.SYNC);
      try (JsonGenerator generator = Messages.startResult(request.id(), requestId)) {
        writeResult(route, result, generator);
        byte[] reply = Messages.finishResult(generator);
        if (reply.length > Limits.MAX_MESSAGE_BYTES) {
          // API Gateway would close the client's socket (1009) rather than send it: answer a typed error instead
          return failed(StreamerError.of(ErrorCode.INTERNAL_ERROR, Messages.RESULT_TOO_LARGE),
              new IllegalStateException("the reply of " + reply.length + " bytes exceeds API Gateway's message limit of "
                  + Limits.MAX_MESSAGE_BYTES + " bytes"), requestId, request.id(), route.action(), caller);
        }
        return reply;
      }
    } catch (StackOverflowError e) {
      return failed(errors().toExecutionError(e, requestId), e, requestId, request.id(), route.action(), caller);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return failed(errors().toExecutionError(e, requestId), e, requestId, request.id(), route.action(), caller);
    }
  }

  private ErrorMapper errors() {
    ErrorMapper current = errors;
    if (current == null) {
      current = new ErrorMapper(config.clock());
      errors = current;
    }
    return current;
  }

  private <P> boolean queues(Route<P, ?> route, P payload) {
    Boolean declared = payload == null ? null : route.queueWhen(payload);
    if (declared != null) {
      return declared;
    }
    if (route.isolated()) {
      return true; // runs in a worker, which only queued requests reach; a runtime threshold does not change that
    }
    if (config.asyncThreshold() != null) {
      return route.estimatedMillis() > config.asyncThreshold().toMillis();
    }
    return route.async();
  }

  @SuppressWarnings("unchecked") // an interceptor returning another type fails here, as an internal error
  private static <R> void writeResult(Route<?, R> route, Object result,
      JsonGenerator generator) throws IOException {
    route.writeResult((R) result, generator);
  }

  private byte[] tooLarge() {
    return Messages.errorUtf8(null, null, new StreamerError(ErrorCode.VALIDATION_ERROR,
        "message too large (at most " + config.maxMessageBytes() + " bytes)",
        Map.of("maxBytes", config.maxMessageBytes()), null));
  }

  /** Counts UTF-8 bytes without encoding, stopping early both ways. */
  private boolean exceedsLimit(String body) {
    int max = config.maxMessageBytes();
    int length = body.length();
    if (length > max) {
      return true; // every char is at least one byte
    }
    if ((long) length * 3 <= max) {
      return false; // every char is at most three bytes (a surrogate pair is two chars and four bytes)
    }
    long bytes = 0;
    for (int i = 0; i < length && bytes <= max; i++) {
      char c = body.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(body.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes > max;
  }

  private static String truncate(String action) {
    if (action.length() <= MAX_ECHOED_ACTION) {
      return action;
    }
    int end = MAX_ECHOED_ACTION;
    if (Character.isHighSurrogate(action.charAt(end - 1))) {
      end--; // never split a surrogate pair
    }
    return action.substring(0, end) + "…";
  }
}
