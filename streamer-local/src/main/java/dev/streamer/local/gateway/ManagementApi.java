package dev.streamer.local.gateway;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.streamer.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.api.StatusCode;

/**
 * The API Gateway Management API ({@code /{stage}/@connections/{connectionId}}) over plain HTTP, so the real SDK
 * {@code ApiGatewayManagementApiClient} talks to it exactly as to AWS:
 *
 * <ul>
 *   <li>{@code POST}: sends the body to the connection as one message (text when it is UTF-8, else binary); 200.
 *   <li>{@code GET}: {@code {connectedAt, identity {sourceIp, userAgent}, lastActiveAt}}; 200.
 *   <li>{@code DELETE}: closes the connection; 204.
 * </ul>
 *
 * <p>Errors are shaped as AWS sends them ({@code x-amzn-ErrorType} header and a {@code message} body): 410
 * {@code GoneException} for an unknown or closed connection, 413 {@code PayloadTooLargeException} over 128 KiB, 403
 * {@code ForbiddenException} for a request that is not SigV4-signed (signatures are not verified: any credentials do).
 */
final class ManagementApi extends Handler.Abstract {

  /** API Gateway's limit for one message. */
  static final int MAX_MESSAGE_BYTES = dev.streamer.core.protocol.Limits.MAX_MESSAGE_BYTES;

  private final String prefix;
  private final ConnectionRegistry connections;

  ManagementApi(String stage, ConnectionRegistry connections) {
    this.prefix = "/" + stage + "/@connections/";
    this.connections = connections;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws IOException {
    String path = Request.getPathInContext(request);
    if (!path.startsWith(prefix) || path.length() == prefix.length() || path.indexOf('/', prefix.length()) >= 0) {
      return false;
    }
    String connectionId = path.substring(prefix.length());
    String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
    if (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256 ")) {
      error(response, callback, 403, "ForbiddenException", "Missing Authentication Token");
      return true;
    }
    Optional<GatewayConnection> connection = connections.find(connectionId);
    switch (request.getMethod()) {
      case "POST" -> post(request, response, callback, connection);
      case "GET" -> connection.ifPresentOrElse(c -> json(response, callback, 200, info(c)),
          () -> gone(response, callback));
      case "DELETE" -> connection.ifPresentOrElse(c -> {
        c.close(StatusCode.NORMAL, "Connection deleted");
        response.setStatus(204);
        callback.succeeded();
      }, () -> gone(response, callback));
      default -> error(response, callback, 405, "BadRequestException", "Method not allowed");
    }
    return true;
  }

  private void post(Request request, Response response, Callback callback, Optional<GatewayConnection> connection)
      throws IOException {
    byte[] body;
    try (InputStream in = Content.Source.asInputStream(request)) {
      body = in.readNBytes(MAX_MESSAGE_BYTES + 1);
    }
    if (body.length > MAX_MESSAGE_BYTES) {
      error(response, callback, 413, "PayloadTooLargeException", "Message too long");
      return;
    }
    if (connection.isEmpty()) {
      gone(response, callback);
      return;
    }
    String text = utf8(body);
    (text != null ? connection.get().send(text) : connection.get().send(ByteBuffer.wrap(body)))
        .whenComplete((sent, failure) -> {
          if (failure == null) {
            response.setStatus(200);
            callback.succeeded();
          } else {
            gone(response, callback);
          }
        });
  }

  private static String utf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException binary) {
      return null;
    }
  }

  private static String info(GatewayConnection c) {
    return write(g -> {
      g.writeStartObject();
      g.writeStringField("connectedAt", c.connectedAt().toString());
      g.writeObjectFieldStart("identity");
      g.writeStringField("sourceIp", c.sourceIp());
      if (c.userAgent() != null) {
        g.writeStringField("userAgent", c.userAgent());
      }
      g.writeEndObject();
      g.writeStringField("lastActiveAt", c.lastActiveAt().toString());
      g.writeEndObject();
    });
  }

  private static void gone(Response response, Callback callback) {
    error(response, callback, 410, "GoneException", "Gone");
  }

  private static void error(Response response, Callback callback, int status, String type, String message) {
    response.getHeaders().put("x-amzn-ErrorType", type);
    json(response, callback, status, write(g -> {
      g.writeStartObject();
      g.writeStringField("message", message);
      g.writeEndObject();
    }));
  }

  private static void json(Response response, Callback callback, int status, String body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    Content.Sink.write(response, true, body, callback);
  }

  private interface JsonBody {
    void write(JsonGenerator g) throws IOException;
  }

  private static String write(JsonBody body) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
