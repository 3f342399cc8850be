package dev.streamer.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.streamer.local.lambda.LocalFunction;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpField;
import dev.streamer.core.protocol.Limits;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * A local stand-in for an API Gateway WebSocket API: one Jetty server on localhost serving the WebSocket at
 * {@code ws://localhost:{port}/{stage}} and the Management API at {@code http://localhost:{port}/{stage}/@connections}.
 *
 * <ul>
 *   <li>Upgrade: invokes {@code $connect} synchronously; a non-2xx status rejects the handshake with that status
 *       (and the handler's body), a {@code Sec-WebSocket-Protocol} response header selects the subprotocol.
 *   <li>Each message: invokes {@code $default} on a worker (messages of one connection may run concurrently, as on
 *       AWS) and sends a non-empty response body back on the socket, like a route response.
 *   <li>Close: forgets the connection, then invokes {@code $disconnect} (best effort, as on AWS).
 * </ul>
 *
 * <p>API Gateway's limits, from {@link Limits}: a frame over 32 KB closes the connection with 1009 (unless the
 * settings relax it); messages of several frames up to {@code maxMessageBytes} (API Gateway's 128 KB unless the
 * settings raise it) reach {@code $default}; larger ones make Jetty close the socket with 1009, as API Gateway does. A
 * binary frame closes the connection with 1003, as API Gateway takes text frames only. A handshake whose URL is longer than API Gateway's 4096 characters ({@link Limits#MAX_URL_CHARS})
 * is refused with 414 before {@code $connect} (unless the settings relax it); otherwise handshakes up to
 * {@link #MAX_HANDSHAKE_BYTES} of headers reach {@code $connect}. The idle timeout is API Gateway's 10 minutes.
 */
public final class WebSocketGateway {

  /**
   * Settings of the gateway.
   *
   * @param frameLimit whether a frame over API Gateway's 32 KB ({@link Limits#MAX_FRAME_BYTES}) closes the connection
   *                   with 1009, as API Gateway does (a browser sends each message as one frame); false accepts frames
   *                   up to {@code maxMessageBytes}
   * @param urlLimit whether a handshake URL over API Gateway's 4096 characters ({@link Limits#MAX_URL_CHARS}) is
   *                 refused with 414 before {@code $connect}; false lets URLs up to {@link #MAX_HANDSHAKE_BYTES} through
   */
  public record Settings(String host, int port, String stage, int maxMessageBytes, Duration idleTimeout,
      boolean frameLimit, boolean urlLimit) {

    public Settings(String host, int port, String stage, int maxMessageBytes, Duration idleTimeout) {
      this(host, port, stage, maxMessageBytes, idleTimeout, true, true);
    }

    public Settings {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(stage, "stage");
      Objects.requireNonNull(idleTimeout, "idleTimeout");
      if (!stage.matches("[A-Za-z0-9_-]+")) {
        throw new IllegalArgumentException("stage must be letters, digits, '-' or '_': " + stage);
      }
    }
  }

  /** The three route integrations. */
  public record Routes(
      LocalFunction<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> connect,
      LocalFunction<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> message,
      LocalFunction<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> disconnect) {}

  private static final System.Logger LOG = System.getLogger(WebSocketGateway.class.getName());
  private static final String INTERNAL_ERROR = "{\"message\": \"Internal server error\"}";
  // API Gateway's status and body for an over-long URL are not documented; 414 is HTTP's status for it (RFC 9110).
  private static final String URI_TOO_LONG = "{\"message\": \"URI Too Long\"}";
  /**
   * Largest handshake request line plus headers. Jetty's default (8 KiB) answered long tokens in the query, a header
   * or {@code Sec-WebSocket-Protocol} with its own HTML 414/431 before {@code $connect} ran; with this, every
   * handshake a client can reasonably send reaches the handler, which answers with JSON (401 for a bad token).
   */
  public static final int MAX_HANDSHAKE_BYTES = 64 * 1024;

  private final Settings settings;
  private final Routes routes;
  private final ExecutorService invocations;
  private final Supplier<Handler> pages;
  private final ConnectionRegistry connections = new ConnectionRegistry();
  private final WebSocketEvents events;
  private final GatewayConnection.Events socketEvents = new SocketEvents();
  private volatile boolean accepting;
  private Server server;
  private volatile int boundPort; // set under the lifecycle lock, read by any thread

  /**
   * @param invocations runs {@code $default} and {@code $disconnect} invocations (the stack owns and stops it)
   */
  public WebSocketGateway(Settings settings, Routes routes, ExecutorService invocations) {
    this(settings, routes, invocations, null);
  }

  /**
   * @param pages makes the handler of other HTTP requests on the same port (the dev console), one per start; null
   *     for none
   */
  public WebSocketGateway(Settings settings, Routes routes, ExecutorService invocations, Supplier<Handler> pages) {
    this.settings = settings;
    this.routes = routes;
    this.invocations = invocations;
    this.pages = pages;
    this.events = new WebSocketEvents(settings.host(), settings.stage());
    this.boundPort = settings.port();
  }

  /** Binds the port (a free one when the settings say 0; after a restart, the same one as before). */
  public synchronized void start() {
    if (server != null) {
      throw new IllegalStateException("gateway already started");
    }
    QueuedThreadPool threads = new QueuedThreadPool(200, 4);
    threads.setName("local-gateway");
    threads.setDaemon(true);
    Server created = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setRequestHeaderSize(MAX_HANDSHAKE_BYTES);
    http.setSendServerVersion(false);
    ServerConnector connector = new ServerConnector(created, new HttpConnectionFactory(http));
    connector.setHost(settings.host());
    connector.setPort(boundPort);
    connector.setReuseAddress(true);
    created.addConnector(connector);
    WebSocketUpgradeHandler webSockets = WebSocketUpgradeHandler.from(created, container -> {
      container.setMaxTextMessageSize(settings.maxMessageBytes());
      container.setMaxBinaryMessageSize(settings.maxMessageBytes());
      if (settings.frameLimit()) {
        container.setMaxFrameSize(Limits.MAX_FRAME_BYTES); // a larger frame closes the connection with 1009
        container.setAutoFragment(false);
      }
      container.setIdleTimeout(settings.idleTimeout());
      container.addMapping("/" + settings.stage(), this::upgrade);
    });
    Handler management = new ManagementApi(settings.stage(), connections);
    webSockets.setHandler(pages == null ? management : new Handler.Sequence(management, pages.get()));
    created.setHandler(webSockets);
    created.setStopTimeout(2_000);
    try {
      created.start();
    } catch (Exception e) {
      stopQuietly(created);
      throw new IllegalStateException("the WebSocket gateway could not bind " + settings.host() + ":" + boundPort, e);
    }
    boundPort = connector.getLocalPort();
    server = created;
  }

  /** Starts or stops invoking {@code $connect}; until then handshakes are answered 503. */
  public void accept(boolean value) {
    this.accepting = value;
  }

  /**
   * Closes every connection with 1001 (going away), which runs their {@code $disconnect}, and releases the port.
   * Messages already being handled finish; their replies find the socket closed.
   */
  public synchronized void stop() {
    Server current = server;
    if (current == null) {
      return;
    }
    server = null;
    for (GatewayConnection connection : connections.all()) {
      connection.close(StatusCode.SHUTDOWN, "Going away");
    }
    stopQuietly(current);
  }

  /** Stops and starts again on the same port: every client is disconnected and must reconnect. */
  public synchronized void restart() {
    stop();
    start();
  }

  public int port() {
    return boundPort;
  }

  public URI webSocketUri() {
    return URI.create("ws://" + settings.host() + ":" + boundPort + "/" + settings.stage());
  }

  /** The Management API endpoint: what {@code WEBSOCKET_ENDPOINT} is set to. */
  public URI managementEndpoint() {
    return URI.create("http://" + settings.host() + ":" + boundPort + "/" + settings.stage());
  }

  public ConnectionRegistry connections() {
    return connections;
  }

  /** The URL as the client wrote it: {@code ws[s]://host[:port]/stage[?query]}. */
  static int urlLength(ServerUpgradeRequest request) {
    HttpURI uri = request.getHttpURI();
    String host = request.getHeaders().get(HttpHeader.HOST);
    String query = uri.getQuery();
    return (request.isSecure() ? "wss://" : "ws://").length() + (host == null ? 0 : host.length())
        + uri.getPath().length() + (query == null ? 0 : 1 + query.length());
  }

  private Object upgrade(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
    if (!accepting) {
      reject(response, callback, 503, "{\"message\": \"Service Unavailable\"}");
      return null;
    }
    if (settings.urlLimit() && urlLength(request) > Limits.MAX_URL_CHARS) {
      reject(response, callback, 414, URI_TOO_LONG);
      return null;
    }
    Instant now = Instant.now();
    String connectionId = GatewayIds.next();
    String sourceIp = Request.getRemoteAddr(request);
    String userAgent = request.getHeaders().get(HttpHeader.USER_AGENT);
    WebSocketEvents.Handshake handshake = new WebSocketEvents.Handshake(headers(request),
        request.getHttpURI().getQuery(), sourceIp, userAgent, Request.getLocalPort(request));
    APIGatewayV2WebSocketResponse reply;
    try {
      reply = routes.connect().invoke(events.connect(connectionId, now, handshake));
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "$connect failed; handshake rejected with 500", e);
      reject(response, callback, 500, INTERNAL_ERROR);
      return null;
    }
    int status = reply == null || reply.getStatusCode() == 0 ? 200 : reply.getStatusCode();
    if (status < 200 || status > 299) {
      reject(response, callback, status, reply.getBody());
      return null;
    }
    String protocol = header(reply, "Sec-WebSocket-Protocol");
    if (protocol != null) {
      response.setAcceptedSubProtocol(protocol);
    }
    return new GatewayConnection(connectionId, now, sourceIp, userAgent, socketEvents);
  }

  private static void reject(ServerUpgradeResponse response, Callback callback, int status, String body) {
    response.setStatus(status);
    if (body == null || body.isEmpty()) {
      callback.succeeded();
      return;
    }
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    Content.Sink.write(response, true, body, callback);
  }

  private static Map<String, List<String>> headers(Request request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (HttpField field : request.getHeaders()) {
      headers.computeIfAbsent(field.getName(), n -> new ArrayList<>()).add(field.getValue());
    }
    return headers;
  }

  private static String header(APIGatewayV2WebSocketResponse reply, String name) {
    if (reply == null || reply.getHeaders() == null) {
      return null;
    }
    for (Map.Entry<String, String> e : reply.getHeaders().entrySet()) {
      if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  private void invokeMessage(GatewayConnection connection, APIGatewayV2WebSocketEvent event) {
    String body;
    try {
      APIGatewayV2WebSocketResponse reply = routes.message().invoke(event);
      body = reply == null ? null : reply.getBody();
    } catch (RuntimeException e) {
      // what API Gateway answers when the integration fails
      LOG.log(Level.ERROR, "$default failed on connection " + connection.connectionId(), e);
      body = "{\"message\": \"Internal server error\", \"connectionId\":\"" + connection.connectionId()
          + "\", \"requestId\":\"" + event.getRequestContext().getRequestId() + "\"}";
    }
    if (body != null && !body.isEmpty()) {
      connection.send(body).exceptionally(closed -> {
        LOG.log(Level.DEBUG, "reply dropped: connection " + connection.connectionId() + " closed");
        return null;
      });
    }
  }

  private void dispatch(GatewayConnection connection, Runnable invocation) {
    try {
      invocations.execute(invocation);
    } catch (RejectedExecutionException shuttingDown) {
      LOG.log(Level.DEBUG, "stack stopping: event of " + connection.connectionId() + " dropped");
    }
  }

  private final class SocketEvents implements GatewayConnection.Events {
    @Override
    public void opened(GatewayConnection connection) {
      connections.add(connection);
    }

    @Override
    public void text(GatewayConnection connection, String message) {
      APIGatewayV2WebSocketEvent event = events.message(connection, message, Instant.now());
      dispatch(connection, () -> invokeMessage(connection, event));
    }

    @Override
    public void binary(GatewayConnection connection, ByteBuffer message) {
      // API Gateway takes no binary frame from a client: it disconnects with 1003 and invokes no route
      // ("Binary media types for WebSocket APIs in API Gateway"); $disconnect follows the close, as there
      connection.close(StatusCode.BAD_DATA, "binary frames are not supported"); // 1003
    }

    @Override
    public void closed(GatewayConnection connection, int statusCode, String reason) {
      if (!connections.remove(connection)) {
        return;
      }
      APIGatewayV2WebSocketEvent event = events.disconnect(connection, Instant.now());
      dispatch(connection, () -> {
        try {
          routes.disconnect().invoke(event);
        } catch (RuntimeException e) {
          LOG.log(Level.ERROR, "$disconnect failed on connection " + connection.connectionId(), e);
        }
      });
    }
  }

  private static void stopQuietly(Server server) {
    try {
      server.stop();
    } catch (Exception e) {
      LOG.log(Level.WARNING, "gateway did not stop cleanly", e);
    }
  }
}
