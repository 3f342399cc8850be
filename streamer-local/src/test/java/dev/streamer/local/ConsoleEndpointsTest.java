package dev.streamer.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The dev console's HTTP side over a real socket: the page and its files, the JSON endpoints, and what keeps them
 * local (a loopback {@code Host}, and the console's own {@code Origin} for minting tokens). The page itself is
 * tested in Chromium by the sample's ConsoleBrowserTest.
 */
class ConsoleEndpointsTest {

  private static final RecordingHandlers HANDLERS = new RecordingHandlers();
  private static LocalStack stack;
  private static String host;

  @BeforeAll
  static void start() {
    stack = LocalStack.builder()
        .connect(HANDLERS::connect)
        .message(HANDLERS::message)
        .disconnect(HANDLERS::disconnect)
        .processor(HANDLERS::processor)
        .sweeper(HANDLERS::sweeper)
        .banner(null)
        .start();
    host = "localhost:" + stack.consoleUri().getPort();
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  record Reply(int status, String headers, String body) {}

  /** One HTTP/1.1 exchange with exactly these headers (java.net.http would not let a test set Host). */
  private static Reply http(String method, String path, String hostHeader, String origin, String body)
      throws IOException {
    try (Socket socket = new Socket("localhost", stack.consoleUri().getPort())) {
      socket.setSoTimeout(10_000);
      byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + hostHeader
          + "\r\nConnection: close\r\nContent-Length: " + content.length + "\r\n");
      if (origin != null) {
        head.append("Origin: ").append(origin).append("\r\n");
      }
      OutputStream out = socket.getOutputStream();
      out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
      out.write(content);
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int split = response.indexOf("\r\n\r\n");
      String headers = response.substring(0, split);
      String rest = response.substring(split + 4);
      if (headers.toLowerCase().contains("transfer-encoding: chunked")) {
        rest = unchunk(rest);
      }
      return new Reply(Integer.parseInt(headers.substring(9, 12)), headers, rest);
    }
  }

  private static String unchunk(String chunked) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (true) {
      int eol = chunked.indexOf("\r\n", at);
      int size = Integer.parseInt(chunked.substring(at, eol).trim(), 16);
      if (size == 0) {
        return out.toString();
      }
      out.append(chunked, eol + 2, eol + 2 + size);
      at = eol + 2 + size + 2;
    }
  }

  @Test
  void servesThePageItsFilesAndTheAppsDocuments() throws IOException {
    Reply page = http("GET", "/", host, null, null);
    assertEquals(200, page.status());
    assertTrue(page.headers().contains("text/html"), page.headers());
    assertTrue(page.body().contains("Streamer dev console"), page.body());
    for (String file : new String[] {"console.js", "schema-form.js", "console.css"}) {
      assertEquals(200, http("GET", "/_console/" + file, host, null, null).status(), file);
    }
    assertEquals(404, http("GET", "/_console/../LocalStack.class", host, null, null).status());
    assertEquals(404, http("GET", "/_console/nothing.js", host, null, null).status());

    Reply client = http("GET", "/_console/client.js", host, null, null);
    assertEquals(200, client.status());
    assertTrue(client.body().contains("CONSOLE_TEST_CLIENT"), "the app's client from the class path");

    Reply app = http("GET", "/_console/api/app", "127.0.0.1:" + stack.consoleUri().getPort(), null, null);
    assertEquals(200, app.status());
    assertTrue(app.body().contains("\"app\":\"consoletest\""), "the one AsyncAPI document names the app");
    assertTrue(app.body().contains("\"title\": \"ConsoleTest\""), "the document, as written");
    assertTrue(app.body().contains("\"token\":\"" + stack.devToken() + "\""));
    assertTrue(app.body().contains("\"webSocketUrl\":\"" + stack.webSocketUri() + "\""));
  }

  @Test
  void answersOnlyLoopbackHostNames() throws IOException {
    for (String other : new String[] {"evil.example", "evil.example:" + stack.consoleUri().getPort(),
        "localhost.evil.example", "10.0.0.1"}) {
      assertEquals(403, http("GET", "/", other, null, null).status(), other);
      assertEquals(403, http("GET", "/_console/api/app", other, null, null).status(), other);
    }
    assertEquals(200, http("GET", "/", "[::1]:" + stack.consoleUri().getPort(), null, null).status());
    // the stack's own endpoints are not the console's: the Management API still answers as AWS does
    assertEquals(403, http("GET", "/local/@connections/x", "evil.example", null, null).status());
  }

  @Test
  void mintsTokensForTheConsolesOwnPageOnly() throws IOException {
    String body = "{\"user\":\"u-1\",\"tenant\":\"t-1\"}";
    assertEquals(403, http("POST", "/_console/api/token", host, null, body).status(), "no Origin");
    assertEquals(403, http("POST", "/_console/api/token", host, "http://evil.example", body).status());
    assertEquals(405, http("POST", "/", host, "http://" + host, body).status());
    assertEquals(404, http("GET", "/_console/api/token", host, null, null).status());
    for (String bad : new String[] {"{\"user\":\"a b\",\"tenant\":\"t\"}", "{\"user\":\"u\"}", "[]", "nonsense",
        "{\"user\":\"" + "u".repeat(129) + "\",\"tenant\":\"t\"}", "{\"user\":1,\"tenant\":\"t\"}"}) {
      assertEquals(400, http("POST", "/_console/api/token", host, "http://" + host, bad).status(), bad);
    }
    Reply minted = http("POST", "/_console/api/token", host, "http://" + host, body);
    assertEquals(200, minted.status(), minted.body());
    String token = minted.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    DecodedJWT jwt = JWT.require(Algorithm.HMAC256(LocalStack.DEFAULT_JWT_SECRET)).build().verify(token);
    assertEquals("u-1", jwt.getSubject());
    assertEquals("t-1", jwt.getClaim("tenant_id").asString());
  }

  @Test
  void listsRequestsAndConnectionsFromTheTables() throws IOException {
    stack.dynamoDb().putItem(b -> b.tableName(stack.tables().requests()).item(Map.of(
        "requestId", AttributeValue.fromS("console-req-1"),
        "status", AttributeValue.fromS("PROCESSING"),
        "action", AttributeValue.fromS("generate_report"),
        "progress", AttributeValue.fromN("0.5"),
        "attempts", AttributeValue.fromN("1"),
        "createdAt", AttributeValue.fromN("1900000000000"),
        "userId", AttributeValue.fromS("u-9"),
        "payload", AttributeValue.fromS("secret payload stays in the store"))));
    Reply requests = http("GET", "/_console/api/requests", host, null, null);
    assertEquals(200, requests.status());
    assertTrue(requests.body().contains("{\"requestId\":\"console-req-1\",\"action\":\"generate_report\","
        + "\"status\":\"PROCESSING\",\"progress\":0.5,\"attempts\":1,\"createdAt\":1900000000000,\"userId\":\"u-9\"}"),
        requests.body());
    assertFalse(requests.body().contains("secret payload"), "payloads are not listed");

    stack.dynamoDb().putItem(b -> b.tableName(stack.tables().connections()).item(Map.of(
        "connectionId", AttributeValue.fromS("gone-connection"),
        "userId", AttributeValue.fromS("u-9"),
        "tenantId", AttributeValue.fromS("t-9"))));
    Reply connections = http("GET", "/_console/api/connections", host, null, null);
    assertEquals(200, connections.status());
    assertTrue(connections.body().contains(
        "{\"connectionId\":\"gone-connection\",\"userId\":\"u-9\",\"tenantId\":\"t-9\",\"open\":false}"),
        connections.body());
  }

  @Test
  void listsTheNewestRequestsOnlyNewestFirst() throws IOException {
    int extra = 5;
    for (int i = 0; i < 200 + extra; i++) {
      int n = i;
      stack.dynamoDb().putItem(b -> b.tableName(stack.tables().requests()).item(Map.of(
          "requestId", AttributeValue.fromS("many-" + n),
          "status", AttributeValue.fromS(n % 2 == 0 ? "COMPLETED" : "FAILED"),
          "createdAt", AttributeValue.fromN(Long.toString(1_800_000_000_000L + n)))));
    }
    String body = http("GET", "/_console/api/requests", host, null, null).body();
    Matcher ids = Pattern.compile("\"requestId\":\"([^\"]+)\"").matcher(body);
    List<String> listed = new ArrayList<>();
    while (ids.find()) {
      listed.add(ids.group(1));
    }
    assertEquals(200, listed.size(), body);
    List<String> many = listed.stream().filter(id -> id.startsWith("many-")).toList();
    assertEquals("many-204", many.get(0), "newest first");
    assertEquals("many-203", many.get(1));
    for (int i = 0; i < extra; i++) {
      assertFalse(listed.contains("many-" + i), "older than the newest 200: many-" + i);
    }
  }

  @Test
  void streamsTheHandlersJsonLogLines() throws IOException {
    System.out.println("{\"level\":\"INFO\",\"message\":\"console-log-line\"}");
    System.out.println("plain text is not a JSON log line");
    Reply logs = http("GET", "/_console/api/logs?after=0", host, null, null);
    assertEquals(200, logs.status());
    assertTrue(logs.body().contains("console-log-line"), logs.body());
    assertFalse(logs.body().contains("plain text"), logs.body());
    Matcher seq = Pattern.compile("\"seq\":(\\d+),\"text\":\"[^}]*console-log-line").matcher(logs.body());
    assertTrue(seq.find(), logs.body());
    long last = Long.parseLong(seq.group(1));
    assertFalse(http("GET", "/_console/api/logs?after=" + last, host, null, null).body().contains("console-log-line"));
    assertEquals(200, http("GET", "/_console/api/logs?after=nonsense", host, null, null).status());
  }

  @Test
  void mintedTokensLastAsLongAsTheDevToken() {
    assertEquals(Duration.ofHours(12), LocalStack.DEV_TOKEN_TTL);
  }
}
