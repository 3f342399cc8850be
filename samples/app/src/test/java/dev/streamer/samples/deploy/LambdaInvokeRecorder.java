package dev.streamer.samples.deploy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for Lambda's {@code Invoke} API on loopback (JDK HTTP server): answers every
 * {@code POST /2015-03-31/functions/{name}/invocations} as Lambda answers an accepted asynchronous invocation (202,
 * empty body) and keeps what was asked, so the processor's hand-over to the worker can be checked and replayed.
 * Signatures are not verified.
 */
final class LambdaInvokeRecorder implements AutoCloseable {

  /** One invocation: the function (name or ARN, with its qualifier), the invocation type header, the payload. */
  record Invocation(String function, String invocationType, String payload) {}

  private static final String PREFIX = "/2015-03-31/functions/";
  private final HttpServer server;
  private final List<Invocation> invocations = new CopyOnWriteArrayList<>();

  private LambdaInvokeRecorder(HttpServer server) {
    this.server = server;
  }

  static LambdaInvokeRecorder start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    LambdaInvokeRecorder recorder = new LambdaInvokeRecorder(server);
    server.createContext(PREFIX, exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        String path = exchange.getRequestURI().getRawPath();
        String function = URLDecoder.decode(path.substring(PREFIX.length(), path.lastIndexOf("/invocations")),
            StandardCharsets.UTF_8);
        recorder.invocations.add(new Invocation(function,
            exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type"),
            new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      }
      exchange.sendResponseHeaders(202, -1);
      exchange.close();
    });
    server.start();
    return recorder;
  }

  /** What {@code LAMBDA_ENDPOINT} is set to. */
  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  List<Invocation> invocations() {
    return List.copyOf(invocations);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
