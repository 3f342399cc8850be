package dev.streamer.samples.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The cold-start anchor for {@code $default}: what a user would write without Streamer to answer the sample's
 * {@code echo} on a WebSocket. Same work as the generated {@code SampleDefaultHandler} on that message: one SDK v2
 * {@code DynamoDbClient} ({@link HandWrittenDynamoDb}, built once),
 * a consistent GetItem of the caller's connection (refused when missing or past its TTL), the body read with
 * jackson-core (id, action, payload; {@code message} not blank and at most 1,000 characters) and the same reply
 * written with jackson-core, with a random request id as Streamer gives every request. Configured by the same
 * environment variables.
 */
public final class HandWrittenDefaultHandler
    implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

  private static final JsonFactory JSON = new JsonFactory();
  private static final String CONNECTIONS_TABLE = System.getenv("CONNECTIONS_TABLE");
  private static final DynamoDbClient DYNAMO_DB = HandWrittenDynamoDb.client();

  @Override
  public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
    Map<String, AttributeValue> connection = DYNAMO_DB.getItem(b -> b.tableName(CONNECTIONS_TABLE)
        .key(Map.of("connectionId", AttributeValue.fromS(event.getRequestContext().getConnectionId())))
        .consistentRead(true)).item();
    if (connection == null || connection.isEmpty()
        || Long.parseLong(connection.get("ttl").n()) <= System.currentTimeMillis() / 1000) {
      return reply(error(null, "UNAUTHORIZED", "connection not authenticated; reconnect"));
    }
    String id = null;
    String action = null;
    String message = null;
    try (JsonParser p = JSON.createParser(event.getBody())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return reply(error(null, "VALIDATION_ERROR", "message must be a JSON object"));
      }
      String field;
      while ((field = p.nextFieldName()) != null) {
        JsonToken value = p.nextToken();
        switch (field) {
          case "id" -> id = p.getValueAsString();
          case "action" -> action = p.getValueAsString();
          case "payload" -> {
            if (value != JsonToken.START_OBJECT) {
              p.skipChildren();
              continue;
            }
            String inner;
            while ((inner = p.nextFieldName()) != null) {
              p.nextToken();
              if (inner.equals("message")) {
                message = p.getValueAsString();
              } else {
                p.skipChildren();
              }
            }
          }
          default -> p.skipChildren();
        }
      }
    } catch (IOException e) {
      return reply(error(id, "VALIDATION_ERROR", "invalid JSON"));
    }
    if (!"echo".equals(action)) {
      return reply(error(id, "INVALID_ACTION", "unknown action"));
    }
    if (message == null || message.isBlank() || message.length() > 1000) {
      return reply(error(id, "VALIDATION_ERROR", "message must not be blank and at most 1000 characters"));
    }
    String clientId = id;
    String echoed = message;
    String userId = connection.get("userId").s();
    String tenantId = connection.get("tenantId").s();
    return reply(write(g -> {
      g.writeStringField("type", "result");
      g.writeStringField("id", clientId);
      g.writeStringField("requestId", UUID.randomUUID().toString());
      g.writeBooleanField("success", true);
      g.writeObjectFieldStart("data");
      g.writeStringField("message", echoed);
      g.writeStringField("userId", userId);
      g.writeStringField("tenantId", tenantId);
      g.writeEndObject();
    }));
  }

  private static String error(String id, String code, String text) {
    return write(g -> {
      g.writeStringField("type", "error");
      g.writeStringField("id", id);
      g.writeNullField("requestId");
      g.writeBooleanField("success", false);
      g.writeObjectFieldStart("error");
      g.writeStringField("code", code);
      g.writeStringField("message", text);
      g.writeEndObject();
    });
  }

  private interface Fields {
    void write(JsonGenerator g) throws IOException;
  }

  private static String write(Fields fields) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      fields.write(g);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static APIGatewayV2WebSocketResponse reply(String body) {
    APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
    response.setStatusCode(200);
    response.setBody(body);
    return response;
  }
}
