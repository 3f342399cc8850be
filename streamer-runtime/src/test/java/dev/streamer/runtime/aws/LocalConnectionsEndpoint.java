package dev.streamer.runtime.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for API Gateway's Management API, so that SDK calls (SigV4 signing included) go over real HTTP:
 * {@code POST|GET|DELETE /{stage}/@connections/{connectionId}} on 127.0.0.1.
 *
 * <ul>
 *   <li>Connections are open once {@link #open}ed; unknown or closed ones answer 410 {@code GoneException}, as AWS
 *       does. {@code DELETE} closes one.</li>
 *   <li>{@link #failNext} scripts answers (429, 500, 403, 410…) for the next calls to a connection.</li>
 *   <li>Every request is recorded. A request without a well-formed SigV4 {@code Authorization} header for service
 *       {@code execute-api} and a matching {@code X-Amz-Date} is answered 403 and listed in
 *       {@link #unsignedRequests()}.</li>
 * </ul>
 */
public final class LocalConnectionsEndpoint implements AutoCloseable {

  /** {@code AWS4-HMAC-SHA256 Credential=AKID/20240501/us-east-1/execute-api/aws4_request, SignedHeaders=…, Signature=hex}. */
  private static final Pattern AUTHORIZATION = Pattern.compile(
      "AWS4-HMAC-SHA256 Credential=([^/\\s]+)/(\\d{8})/([a-z0-9-]+)/execute-api/aws4_request,\\s*"
          + "SignedHeaders=([a-z0-9;-]+),\\s*Signature=([0-9a-f]{64})");
  private static final Pattern AMZ_DATE = Pattern.compile("(\\d{8})T\\d{6}Z");
  private static final Pattern PATH = Pattern.compile("/([^/]+)/@connections/([^/]+)");

  /** One request as received; {@code headers} are looked up case-insensitively. */
  public record Request(String method, String stage, String connectionId, Map<String, String> headers, String body,
      int status, String signatureProblem) {
    public boolean signed() {
      return signatureProblem == null;
    }
  }

  private final String stage;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final Set<String> open = ConcurrentHashMap.newKeySet();
  private final Map<String, Deque<Integer>> scripted = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  private LocalConnectionsEndpoint(String stage) throws IOException {
    this.stage = stage;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** Starts a server for {@code stage} on a free port. */
  public static LocalConnectionsEndpoint start(String stage) {
    try {
      return new LocalConnectionsEndpoint(stage);
    } catch (IOException e) {
      throw new IllegalStateException("could not start the local @connections endpoint", e);
    }
  }

  /** The endpoint to configure the SDK client with, {@code http://127.0.0.1:{port}/{stage}}. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + stage;
  }

  /** Marks {@code connectionId} open: POST and GET succeed. */
  public void open(String connectionId) {
    open.add(connectionId);
  }

  /** Closes {@code connectionId} from the client's side: calls answer 410 from now on. */
  public void drop(String connectionId) {
    open.remove(connectionId);
  }

  /** The next calls to {@code connectionId} answer these statuses in turn, before normal handling resumes. */
  public void failNext(String connectionId, int... statuses) {
    Deque<Integer> queue = scripted.computeIfAbsent(connectionId, k -> new ArrayDeque<>());
    synchronized (queue) {
      for (int status : statuses) {
        queue.addLast(status);
      }
    }
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  public List<Request> requestsTo(String connectionId) {
    return requests.stream().filter(r -> connectionId.equals(r.connectionId())).toList();
  }

  /** Bodies of the POSTs to {@code connectionId} that were accepted (200), in order. */
  public List<String> delivered(String connectionId) {
    return requests.stream()
        .filter(r -> r.method().equals("POST") && connectionId.equals(r.connectionId()) && r.status() == 200)
        .map(Request::body)
        .toList();
  }

  /** Requests refused for a missing or malformed signature; tests expect none. */
  public List<Request> unsignedRequests() {
    return requests.stream().filter(r -> !r.signed()).toList();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, String.join(",", v)));
      String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      Matcher path = PATH.matcher(exchange.getRequestURI().getRawPath());
      String signatureProblem = signatureProblem(headers);
      if (!path.matches() || !path.group(1).equals(stage)) {
        record(method, null, null, headers, body, 404, signatureProblem);
        respond(exchange, 404, "NotFoundException", "{\"message\":\"Not Found\"}");
        return;
      }
      String connectionId = URLDecoder.decode(path.group(2), StandardCharsets.UTF_8);
      if (signatureProblem != null) {
        record(method, path.group(1), connectionId, headers, body, 403, signatureProblem);
        respond(exchange, 403, "ForbiddenException", "{\"message\":\"Missing Authentication Token\"}");
        return;
      }
      Integer forced = nextScripted(connectionId);
      if (forced != null) {
        record(method, path.group(1), connectionId, headers, body, forced, null);
        respond(exchange, forced, errorType(forced), "{\"message\":\"scripted " + forced + "\"}");
        return;
      }
      if (!open.contains(connectionId)) {
        record(method, path.group(1), connectionId, headers, body, 410, null);
        respond(exchange, 410, "GoneException", "{\"message\":null}");
        return;
      }
      switch (method) {
        case "POST" -> {
          record(method, path.group(1), connectionId, headers, body, 200, null);
          respond(exchange, 200, null, null);
        }
        case "GET" -> {
          record(method, path.group(1), connectionId, headers, body, 200, null);
          respond(exchange, 200, null, "{\"connectedAt\":\"2024-05-01T10:00:00.000Z\","
              + "\"identity\":{\"sourceIp\":\"127.0.0.1\",\"userAgent\":\"test\"},"
              + "\"lastActiveAt\":\"2024-05-01T10:00:01.000Z\"}");
        }
        case "DELETE" -> {
          open.remove(connectionId);
          record(method, path.group(1), connectionId, headers, body, 204, null);
          respond(exchange, 204, null, null);
        }
        default -> {
          record(method, path.group(1), connectionId, headers, body, 405, null);
          respond(exchange, 405, "MethodNotAllowed", "{\"message\":\"method not allowed\"}");
        }
      }
    }
  }

  private Integer nextScripted(String connectionId) {
    Deque<Integer> queue = scripted.get(connectionId);
    if (queue == null) {
      return null;
    }
    synchronized (queue) {
      return queue.pollFirst();
    }
  }

  private void record(String method, String stageName, String connectionId, Map<String, String> headers, String body,
      int status, String signatureProblem) {
    // header names compare case-insensitively, as in HTTP
    SortedMap<String, String> names = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    names.putAll(headers);
    requests.add(new Request(method, stageName, connectionId, Collections.unmodifiableSortedMap(names), body, status,
        signatureProblem));
  }

  /** Null when the request carries a well-formed SigV4 signature for execute-api, else what is wrong. */
  private static String signatureProblem(Map<String, String> headers) {
    String authorization = headers.get("Authorization");
    String amzDate = headers.get("X-Amz-Date");
    if (authorization == null) {
      return "no Authorization header";
    }
    if (amzDate == null) {
      return "no X-Amz-Date header";
    }
    Matcher auth = AUTHORIZATION.matcher(authorization);
    if (!auth.matches()) {
      return "Authorization is not SigV4 for execute-api: " + authorization;
    }
    Matcher date = AMZ_DATE.matcher(amzDate);
    if (!date.matches()) {
      return "X-Amz-Date malformed: " + amzDate;
    }
    if (!date.group(1).equals(auth.group(2))) {
      return "credential scope date " + auth.group(2) + " differs from X-Amz-Date " + amzDate;
    }
    List<String> signed = new ArrayList<>(List.of(auth.group(4).split(";")));
    if (!signed.contains("host") || !signed.contains("x-amz-date")) {
      return "host and x-amz-date must be signed: " + auth.group(4);
    }
    return null;
  }

  private static String errorType(int status) {
    return switch (status) {
      case 403 -> "ForbiddenException";
      case 410 -> "GoneException";
      case 413 -> "PayloadTooLargeException";
      case 429 -> "LimitExceededException";
      default -> status >= 500 ? "InternalServerErrorException" : "BadRequestException";
    };
  }

  private static void respond(HttpExchange exchange, int status, String errorType, String body) throws IOException {
    if (errorType != null) {
      exchange.getResponseHeaders().add("x-amzn-ErrorType", errorType);
    }
    if (body == null) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
