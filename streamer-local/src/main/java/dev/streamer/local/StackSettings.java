package dev.streamer.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.streamer.core.app.HandlerKind;
import dev.streamer.core.protocol.Limits;
import dev.streamer.runtime.aws.config.FunctionTimeouts;
import dev.streamer.runtime.aws.internal.processor.EventSourceMapping;
import dev.streamer.runtime.aws.internal.processor.SweepSchedule;
import dev.streamer.runtime.aws.lambda.AwsRuntime;
import dev.streamer.runtime.aws.tables.TableNames;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a {@link LocalStack.Builder} collects, with its defaults (the SAM template's where both have one), the checks
 * made before a stack starts, and what follows from the settings: the handlers' Lambda environment and the JWT claim
 * names. The stack reads it as it runs; the builder's javadoc documents each setting.
 */
final class StackSettings {
  Function<AwsRuntime, ? extends RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse>> connect;
  Function<AwsRuntime, ? extends RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse>> message;
  Function<AwsRuntime, ? extends RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse>> disconnect;
  Function<AwsRuntime, ? extends RequestHandler<DynamodbEvent, StreamsEventResponse>> processor;
  Function<AwsRuntime, ? extends RequestHandler<Map<String, Object>, String>> sweeper;
  Function<AwsRuntime, ? extends RequestHandler<Map<String, Object>, String>> worker;
  String host = "localhost";
  int port;
  String stage = "local";
  URI dynamoDbEndpoint;
  int dynamoDbPort;
  String region = "us-east-1";
  TableNames tables = TableNames.defaults();
  String jwtSecret = LocalStack.DEFAULT_JWT_SECRET;
  Map<String, String> environment = Map.of();
  Duration sweepInterval = SweepSchedule.DEFAULT_INTERVAL;
  Duration pollInterval = Duration.ofMillis(20);
  EventSourceMapping mapping = EventSourceMapping.DEFAULT;
  Duration processorTimeout = FunctionTimeouts.of(HandlerKind.STREAM_PROCESSOR);
  int maxMessageBytes = Limits.MAX_MESSAGE_BYTES; // API Gateway's 128 KB: a larger message closes with 1009
  int concurrency = 64;
  boolean frameLimit = true;
  boolean urlLimit = true;
  PrintStream banner = System.out;
  Clock clock = Clock.systemUTC();
  boolean console = true;
  String app;
  String exampleRequest;

  /** The checks of {@link LocalStack.Builder#start()}: the five handlers given, a usable secret and interval. */
  void validate() {
    Objects.requireNonNull(connect, "connect handler");
    Objects.requireNonNull(message, "message ($default) handler");
    Objects.requireNonNull(disconnect, "disconnect handler");
    Objects.requireNonNull(processor, "stream processor");
    Objects.requireNonNull(sweeper, "sweeper");
    if (jwtSecret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 32) {
      throw new IllegalArgumentException("the JWT secret must be at least 32 bytes");
    }
    if (sweepInterval.isZero() || sweepInterval.isNegative()) {
      throw new IllegalArgumentException("sweepInterval must be positive");
    }
  }

  /** The variables the handlers' runtime is configured by, as a Lambda function's environment. */
  Map<String, String> lambdaEnvironment(URI dynamoDbEndpoint, URI managementEndpoint) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("REQUESTS_TABLE", tables.requests());
    p.put("CONNECTIONS_TABLE", tables.connections());
    p.put("DYNAMODB_ENDPOINT", dynamoDbEndpoint.toString());
    p.put("WEBSOCKET_ENDPOINT", managementEndpoint.toString());
    p.put("AWS_REGION", region);
    p.put("JWT_ALGORITHM", "HS256");
    p.put("JWT_SECRET", jwtSecret);
    p.put("SWEEP_INTERVAL", sweepInterval.toMillis() + "ms");
    p.put("PROCESSOR_CONCURRENCY", String.valueOf(mapping.batchSize()));
    p.putAll(environment);
    return p;
  }

  /** The token claim named by {@code variable} in the handlers' environment, else {@code fallback}. */
  String claim(String variable, String fallback) {
    String configured = environment.get(variable);
    return configured == null || configured.isBlank() ? fallback : configured.trim();
  }
}
