package dev.streamer.runtime.aws;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import dev.streamer.runtime.aws.tables.TableCreator;
import dev.streamer.runtime.aws.tables.TableNames;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Test support: one in-process DynamoDB Local HTTP server per JVM, started on first use and stopped by a shutdown
 * hook. Clients use the same HTTP client as production (url-connection), region us-east-1 and one set of dummy
 * credentials (DynamoDB Local in memory keeps a separate database per access key and region).
 *
 * (DynamoDB Local 2.x accepts only letters and digits in the access key id.)
 *
 * <p>Tests isolate themselves with {@link #createTables(String)}, which creates uniquely named tables.
 */
public final class DynamoDbLocal {

  public static final Region REGION = Region.US_EAST_1;
  public static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("streamertest", "streamertestsecret"));

  private static final AtomicInteger TABLE_SEQUENCE = new AtomicInteger();
  private static volatile URI endpoint;

  private DynamoDbLocal() {}

  /** Endpoint of the shared server, starting it on first call. */
  public static URI endpoint() {
    URI current = endpoint;
    if (current == null) {
      synchronized (DynamoDbLocal.class) {
        if (endpoint == null) {
          endpoint = start();
        }
        current = endpoint;
      }
    }
    return current;
  }

  /** A new client of the shared server; close it when done (or let the JVM end). */
  public static DynamoDbClient client() {
    return client(endpoint());
  }

  /** A client configured like the tests' clients but pointed at {@code uri} (for unreachable-endpoint tests). */
  public static DynamoDbClient client(URI uri) {
    return DynamoDbClient.builder()
        .endpointOverride(uri)
        .region(REGION)
        .credentialsProvider(CREDENTIALS)
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }

  public static DynamoDbStreamsClient streamsClient() {
    return DynamoDbStreamsClient.builder()
        .endpointOverride(endpoint())
        .region(REGION)
        .credentialsProvider(CREDENTIALS)
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }

  /**
   * Creates a fresh requests and connections table, named uniquely for this JVM run, and returns their names.
   * {@code prefix} (for example the test class's simple name) makes them recognisable.
   */
  public static TableNames createTables(String prefix) {
    String suffix = TABLE_SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    TableNames names = new TableNames(prefix + "-requests-" + suffix, prefix + "-connections-" + suffix);
    try (DynamoDbClient client = client()) {
      TableCreator.createIfMissing(client, names);
    }
    return names;
  }

  /** A local port nothing listens on (at the time of the call). */
  public static int closedPort() {
    return freePort();
  }

  private static URI start() {
    Exception last = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      int port = freePort();
      try {
        DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
            new String[] {"-inMemory", "-port", String.valueOf(port), "-disableTelemetry"});
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "dynamodb-local-stop"));
        return URI.create("http://localhost:" + port);
      } catch (Exception e) {
        last = e; // most likely the port was taken between choosing and binding it: try another
      }
    }
    throw new IllegalStateException("DynamoDB Local did not start", last);
  }

  private static void stop(DynamoDBProxyServer server) {
    try {
      server.stop();
    } catch (Exception ignored) {
      // the JVM is exiting
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }
}
