package dev.streamer.runtime.aws.lambda;

import dev.streamer.runtime.aws.auth.JwtConfig;
import dev.streamer.runtime.aws.auth.JwtVerifier;
import dev.streamer.runtime.aws.config.StreamerConfig;
import dev.streamer.runtime.aws.connections.ConnectionLifecycle;
import dev.streamer.runtime.aws.connections.ConnectionManager;
import dev.streamer.runtime.aws.connections.ConnectionStore;
import dev.streamer.runtime.aws.connections.ManagementApiClients;
import dev.streamer.runtime.aws.connections.SendRetryPolicy;
import dev.streamer.runtime.aws.limits.ConnectionCap;
import dev.streamer.runtime.aws.limits.RateLimits;
import dev.streamer.runtime.aws.limits.RunningCaps;
import dev.streamer.runtime.aws.limits.Slots;
import dev.streamer.runtime.aws.observability.JsonLog;
import dev.streamer.runtime.aws.observability.LogSink;
import dev.streamer.runtime.aws.observability.Metrics;
import dev.streamer.core.routing.RouteTable;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The production assembly of a {@link StreamerLambda} from environment variables. Runs once per Lambda environment,
 * in the generated handler's static initializer: every client is built here and reused by all invocations.
 */
final class AwsWiring {

  private AwsWiring() {}

  static StreamerLambda fromEnvironment(RouteTable routes, Map<String, String> env) {
    return fromEnvironment(routes, env, AwsClients.credentials());
  }

  /** The per-user connection cap ({@code MAX_CONNECTIONS_PER_USER}), or null for none. */
  private static ConnectionCap connectionCap(Map<String, String> env, DynamoDbClient dynamoDb,
      ConnectionStore connections, Clock clock) {
    int max = ConnectionCap.maxFromEnvironment(env);
    return max == 0 ? null : new ConnectionCap(new Slots(dynamoDb, connections.tableName(), clock), max,
        id -> connections.get(id).isPresent(), clock);
  }

  /** As above with the credentials given (tests pass DynamoDB Local's dummy ones). */
  static StreamerLambda fromEnvironment(RouteTable routes, Map<String, String> env,
      AwsCredentialsProvider credentials) {
    StreamerConfig config = StreamerConfig.fromEnvironment(env);
    Clock clock = Clock.systemUTC();
    DynamoDbClient dynamoDb = AwsClients.dynamoDb(config, credentials);
    LogSink sink = LogSink.stdout();
    JsonLog log = JsonLog.fromEnvironment(env, sink, clock);
    Metrics metrics = Metrics.fromEnvironment(env, sink, clock);

    ConnectionStore connections =
        new ConnectionStore(dynamoDb, config.tables().connections(), config.connectionTtl(), clock);
    ManagementApiClients managementApis = new ManagementApiClients(AwsClients.region(config), credentials);
    ConnectionManager.Builder manager = ConnectionManager
        .builder(connections, managementApis)
        .retryPolicy(SendRetryPolicy.fromEnvironment(env))
        .log(log)
        .metrics(metrics);
    if (config.websocketEndpoint() != null) {
      manager.fixedEndpoint(config.websocketEndpoint().toString());
      managementApis.forEndpoint(config.websocketEndpoint().toString()); // built now, in static init: no I/O
    }
    return StreamerLambda.builder(routes)
        .config(config)
        .dynamoDb(dynamoDb)
        .sender(manager.build())
        .callers(CallerResolver.fromStore(connections))
        // JWT settings are read on the first $connect only: the other functions, $disconnect included, run
        // without them
        .connections(() -> ConnectionHandler.of(ConnectionLifecycle.withLazyVerifier(
            () -> new JwtVerifier(JwtConfig.fromEnvironment(env), clock), connections, log, clock)
            .withConnectionCap(connectionCap(env, dynamoDb, connections, clock), metrics)))
        .rateLimits(() -> RateLimits.fromEnvironment(env))
        .runningCaps(() -> RunningCaps.fromEnvironment(env))
        .clock(clock)
        .logSink(sink)
        .environment(env)
        .build();
  }
}
