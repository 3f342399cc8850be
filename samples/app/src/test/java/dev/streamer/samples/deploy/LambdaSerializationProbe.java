package dev.streamer.samples.deploy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Child-JVM main: reads an event for each handler class with the serializer AWS Lambda's Java runtime picks for the
 * handler's input type ({@code aws-lambda-java-serialization}: the events library's types through
 * {@link LambdaEventSerializers}, with the jar's class loader as the customer class loader, others through
 * {@link JacksonFactory}), and writes a reply of its output type the same way. Prints one {@code RESULT} line per
 * handler.
 *
 * <pre>LambdaSerializationProbe (&lt;handler class&gt; &lt;event JSON&gt;)…</pre>
 */
public final class LambdaSerializationProbe {

  static final String RESULT = "RESULT ";

  private LambdaSerializationProbe() {}

  public static void main(String[] args) throws Exception {
    ClassLoader customer = LambdaSerializationProbe.class.getClassLoader();
    for (int i = 0; i + 1 < args.length; i += 2) {
      Class<?> handler = Class.forName(args[i], false, customer);
      Type[] types = requestHandlerTypes(handler);
      Object event = serializer(raw(types[0]), customer).fromJson(args[i + 1]);
      ByteArrayOutputStream reply = new ByteArrayOutputStream();
      serializer(raw(types[1]), customer).toJson(reply(raw(types[1])), reply);
      System.out.println(RESULT + handler.getSimpleName() + " " + summary(event) + " -> "
          + reply.toString(StandardCharsets.UTF_8));
    }
  }

  @SuppressWarnings("unchecked")
  private static PojoSerializer<Object> serializer(Class<?> type, ClassLoader customer) {
    return LambdaEventSerializers.isLambdaSupportedEvent(type.getName())
        ? (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(type, customer)
        : (PojoSerializer<Object>) JacksonFactory.getInstance().getSerializer(type);
  }

  private static Type[] requestHandlerTypes(Class<?> handler) {
    for (Type type : handler.getGenericInterfaces()) {
      if (type instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
        return p.getActualTypeArguments();
      }
    }
    throw new IllegalArgumentException(handler + " is not a RequestHandler");
  }

  private static Class<?> raw(Type type) {
    return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
  }

  private static Object reply(Class<?> type) {
    if (type == APIGatewayV2WebSocketResponse.class) {
      APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
      response.setStatusCode(200);
      response.setBody("{\"type\":\"ack\"}");
      return response;
    }
    if (type == StreamsEventResponse.class) {
      return StreamsEventResponse.builder()
          .withBatchItemFailures(List.of(new StreamsEventResponse.BatchItemFailure("100000000000000000001")))
          .build();
    }
    if (type == String.class) {
      return "{\"swept\":0}";
    }
    throw new IllegalArgumentException("no reply for " + type);
  }

  private static String summary(Object event) {
    if (event instanceof APIGatewayV2WebSocketEvent socket) {
      return socket.getRequestContext().getRouteKey() + " " + socket.getRequestContext().getConnectionId();
    }
    if (event instanceof DynamodbEvent stream) {
      DynamodbEvent.DynamodbStreamRecord record = stream.getRecords().get(0);
      return record.getEventName() + " " + record.getDynamodb().getKeys().get("requestId").getS() + " "
          + record.getDynamodb().getApproximateCreationDateTime().toInstant();
    }
    if (event instanceof Map<?, ?> map) {
      return map.containsKey("requestId") ? "requestId=" + map.get("requestId")
          : String.valueOf(map.get("detail-type"));
    }
    throw new IllegalArgumentException("unexpected event " + event.getClass());
  }
}
