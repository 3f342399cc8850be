package dev.streamer.local.console;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.streamer.core.json.Json;
import dev.streamer.local.LocalStack;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The browser dev console of the local stack, on the stack's own port: the page at {@code /}, its files under
 * {@code /_console/}, and small JSON endpoints under {@code /_console/api/}:
 *
 * <ul>
 *   <li>{@code GET app}: the application name, its AsyncAPI document, the WebSocket URL and a development token;
 *   <li>{@code GET requests}, {@code GET connections}: read from the stack's DynamoDB tables;
 *   <li>{@code GET logs?after=N}: the handlers' JSON log lines numbered above N ({@link LogCapture});
 *   <li>{@code POST token} with {@code {"user", "tenant"}}: a token for that user and tenant, signed with the stack's
 *       development secret.
 * </ul>
 *
 * <p>Local only: it exists in streamer-local, never in a Lambda, and answers only requests whose {@code Host} is a
 * loopback name (so that a web page on another site cannot reach it through DNS rebinding); a POST must also come
 * from the console's own origin. Requests go to the application over the WebSocket, with its generated client.
 */
public final class ConsoleHandler extends Handler.Abstract {

  static final String PREFIX = "/_console/";
  static final String API = PREFIX + "api/";
  private static final String RESOURCES = "/dev/streamer/local/console/";
  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");
  private static final Map<String, String> FILES = Map.of(
      "console.js", "text/javascript; charset=utf-8",
      "schema-form.js", "text/javascript; charset=utf-8",
      "console.css", "text/css; charset=utf-8");
  private static final int MAX_BODY_BYTES = 4096;
  /** Lifetime of the tokens the console mints. */
  static final Duration TOKEN_TTL = LocalStack.DEV_TOKEN_TTL;

  private final LocalStack stack;
  private final AppDocuments documents;
  private final LogCapture logs;

  public ConsoleHandler(LocalStack stack, AppDocuments documents, LogCapture logs) {
    this.stack = stack;
    this.documents = documents;
    this.logs = logs;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = Request.getPathInContext(request);
    if (!path.equals("/") && !path.startsWith(PREFIX)) {
      return false;
    }
    if (!LOOPBACK.contains(hostName(request.getHeaders().get(HttpHeader.HOST)))) {
      text(response, callback, 403, "text/plain", "the dev console answers on localhost only");
      return true;
    }
    String method = request.getMethod();
    if (path.startsWith(API)) {
      api(path.substring(API.length()), method, request, response, callback);
    } else if (!method.equals("GET")) {
      text(response, callback, 405, "text/plain", "method not allowed");
    } else if (path.equals("/")) {
      file(response, callback, "index.html", "text/html; charset=utf-8");
    } else if (path.equals(PREFIX + "client.js")) {
      bytes(response, callback, 200, "text/javascript; charset=utf-8", documents.javaScriptClient()
          .orElse("throw new Error('no generated JavaScript client on the class path');".getBytes(
              StandardCharsets.UTF_8)));
    } else {
      String name = path.substring(PREFIX.length());
      if (FILES.containsKey(name)) {
        file(response, callback, name, FILES.get(name));
      } else {
        text(response, callback, 404, "text/plain", "not found");
      }
    }
    return true;
  }

  private void api(String name, String method, Request request, Response response, Callback callback)
      throws IOException {
    switch (method + " " + name) {
      case "GET app" -> json(response, callback, 200, g -> {
        g.writeStartObject();
        g.writeStringField("app", documents.app().orElse(null));
        g.writeStringField("webSocketUrl", stack.webSocketUri().toString());
        g.writeStringField("token", stack.devToken());
        g.writeStringField("user", LocalStack.DEV_USER);
        g.writeStringField("tenant", LocalStack.DEV_TENANT);
        g.writeFieldName("asyncapi");
        // the processor's own output, written as it is (the page reads it; this JVM never needs to)
        g.writeRawValue(documents.asyncApi().map(b -> new String(b, StandardCharsets.UTF_8)).orElse("null"));
        g.writeEndObject();
      });
      case "GET requests" -> json(response, callback, 200, g -> views().requests(g));
      case "GET connections" -> json(response, callback, 200, g -> views().connections(g, stack.connections()));
      case "GET logs" -> {
        long after = parseLong(Request.extractQueryParameters(request).get("after"));
        json(response, callback, 200, g -> {
          g.writeStartObject();
          g.writeArrayFieldStart("lines");
          for (LogCapture.Line line : logs.after(after)) {
            g.writeStartObject();
            g.writeNumberField("seq", line.seq());
            g.writeStringField("text", line.text());
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
        });
      }
      case "POST token" -> token(request, response, callback);
      default -> text(response, callback, 404, "text/plain", "not found");
    }
  }

  private void token(Request request, Response response, Callback callback) throws IOException {
    String origin = request.getHeaders().get(HttpHeader.ORIGIN);
    String host = request.getHeaders().get(HttpHeader.HOST);
    if (origin == null || !origin.equals("http://" + host)) {
      text(response, callback, 403, "text/plain", "tokens are minted for the console's own page only");
      return;
    }
    byte[] body;
    try (InputStream in = Content.Source.asInputStream(request)) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    Map<String, String> fields = body.length > MAX_BODY_BYTES ? Map.of() : stringFields(body);
    String user = fields.get("user");
    String tenant = fields.get("tenant");
    if (!validId(user) || !validId(tenant)) {
      text(response, callback, 400, "text/plain", "give a user and a tenant: 1 to 128 characters, no spaces");
      return;
    }
    String token = stack.mintToken(user, tenant, TOKEN_TTL);
    json(response, callback, 200, g -> {
      g.writeStartObject();
      g.writeStringField("user", user);
      g.writeStringField("tenant", tenant);
      g.writeStringField("token", token);
      g.writeEndObject();
    });
  }

  static boolean validId(String value) {
    return value != null && !value.isEmpty() && value.length() <= 128 && value.chars().noneMatch(
        c -> Character.isWhitespace(c) || Character.isISOControl(c));
  }

  private StoreViews views() {
    return new StoreViews(stack.dynamoDb(), stack.tables());
  }

  /** The host name of a Host header: {@code localhost:8080} gives {@code localhost}, {@code [::1]:80} gives {@code [::1]}. */
  static String hostName(String host) {
    if (host == null) {
      return "";
    }
    int colon = host.lastIndexOf(':');
    return colon > host.lastIndexOf(']') ? host.substring(0, colon) : host;
  }

  private static long parseLong(Fields.Field field) {
    try {
      return field == null ? 0 : Long.parseLong(field.getValue());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The string members of a flat JSON object; empty when the body is not one. */
  static Map<String, String> stringFields(byte[] json) {
    Map<String, String> out = new HashMap<>();
    try (JsonParser p = Json.FACTORY.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return Map.of();
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        if (p.nextToken() == JsonToken.VALUE_STRING) {
          out.put(name, p.getText());
        } else {
          p.skipChildren();
        }
      }
    } catch (IOException e) {
      return Map.of();
    }
    return out;
  }

  private void file(Response response, Callback callback, String name, String type) throws IOException {
    try (InputStream in = ConsoleHandler.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        text(response, callback, 404, "text/plain", "not found");
        return;
      }
      bytes(response, callback, 200, type, in.readAllBytes());
    }
  }

  private interface JsonBody {
    void write(JsonGenerator g) throws IOException;
  }

  private static void json(Response response, Callback callback, int status, JsonBody body) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      body.write(g);
    }
    text(response, callback, status, "application/json", out.toString());
  }

  private static void text(Response response, Callback callback, int status, String type, String body) {
    bytes(response, callback, status, type, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void bytes(Response response, Callback callback, int status, String type, byte[] body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.write(true, ByteBuffer.wrap(body), callback);
  }
}
