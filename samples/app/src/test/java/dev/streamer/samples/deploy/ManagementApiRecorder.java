package dev.streamer.samples.deploy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for API Gateway's {@code @connections} endpoint on loopback (JDK HTTP server): accepts every
 * {@code POST /{stage}/@connections/{id}} with 200 and keeps the bodies, so a child JVM's sends succeed and can be
 * checked. Signatures are not verified.
 */
final class ManagementApiRecorder implements AutoCloseable {

  private final HttpServer server;
  private final String stage;
  private final List<String> posted = new CopyOnWriteArrayList<>();

  private ManagementApiRecorder(HttpServer server, String stage) {
    this.server = server;
    this.stage = stage;
  }

  static ManagementApiRecorder start(String stage) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    ManagementApiRecorder recorder = new ManagementApiRecorder(server, stage);
    server.createContext("/" + stage + "/@connections/", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        byte[] body = in.readAllBytes();
        if ("POST".equals(exchange.getRequestMethod())) {
          recorder.posted.add(new String(body, StandardCharsets.UTF_8));
        }
      }
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
    return recorder;
  }

  /** What {@code WEBSOCKET_ENDPOINT} is set to. */
  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + stage);
  }

  /** Bodies posted so far, in arrival order. */
  List<String> posted() {
    return List.copyOf(posted);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
