package dev.streamer.local.dynamo;

import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import dev.streamer.runtime.aws.tables.TableCreator;
import dev.streamer.runtime.aws.tables.TableNames;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The DynamoDB the local stack uses: DynamoDB Local started in this JVM (in memory, over HTTP on a free port), or an
 * endpoint that is already running. Either way the tables are created from their single definition in
 * {@code aws.tables}.
 *
 * <p>The in-process server runs with {@code -sharedDb}: DynamoDB Local otherwise keeps a separate database per access
 * key and region, and the generated handlers build their own clients from the environment.
 *
 * <p>Its HTTP server can be stopped and started again on the same port while its in-memory database lives on
 * ({@link #stopServer()}, {@link #startServer()}): an outage as clients see one (connections refused), after which
 * the same tables, items and stream are back.
 */
public final class LocalDynamoDb implements AutoCloseable {

  /** Dummy credentials of the stack's own clients (DynamoDB Local accepts letters and digits only). */
  public static final String ACCESS_KEY_ID = "streamerlocal";
  public static final String SECRET_ACCESS_KEY = "streamerlocal";
  private static final String DYNAMODB_LOCAL_JOBS = "com.amazonaws.services.dynamodbv2.local.shared.jobs.";

  private final URI endpoint;
  private final Region region;
  private final int port;
  /** The database behind the HTTP server; it outlives a {@link #stopServer()}. Null when connected elsewhere. */
  private final KeptDatabase database;
  /** The running HTTP server, null while stopped (guarded by this). */
  private DynamoDBProxyServer server;
  private final DynamoDbClient client;
  private final WriteMeter writes = new WriteMeter();
  /** Threads that existed before the server started: never this server's. */
  private final Set<Thread> threadsBefore;

  /**
   * DynamoDB Local's request handler, whose {@code close()} (called by every server stop) closes the database only
   * once {@link #closeForGood()} was called.
   */
  private static final class KeptDatabase extends LocalDynamoDBServerHandler {
    private volatile boolean closing;

    KeptDatabase() {
      // what ServerRunner builds for "-inMemory -sharedDb" (no CORS, no delayed transient statuses)
      super(new LocalDynamoDBRequestHandler(0, true, null, true, false), null);
    }

    @Override
    public void close() {
      if (closing) {
        super.close();
      }
    }

    void closeForGood() {
      closing = true;
      close();
    }
  }

  private LocalDynamoDb(URI endpoint, Region region, int port, KeptDatabase database, DynamoDBProxyServer server,
      Set<Thread> threadsBefore) {
    this.threadsBefore = threadsBefore;
    this.endpoint = endpoint;
    this.region = region;
    this.port = port;
    this.database = database;
    this.server = server;
    this.client = DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(region)
        .credentialsProvider(credentials())
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(c -> c.addExecutionInterceptor(writes))
        .build();
  }

  /** Starts DynamoDB Local in this JVM, in memory, on a free port (or {@code port} when it is not 0). */
  public static LocalDynamoDb startInMemory(int port, Region region) {
    Exception last = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      int chosen = port != 0 ? port : freePort();
      // DynamoDB Local prints its configuration to System.out; the stack's banner says what matters instead
      PrintStream out = System.out;
      System.setOut(new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8));
      KeptDatabase database = null;
      try {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        // built as ServerRunner does, minus its telemetry set-up (never configured, nothing is sent)
        database = new KeptDatabase();
        DynamoDBProxyServer server = new DynamoDBProxyServer(chosen, database);
        server.start();
        return new LocalDynamoDb(URI.create("http://localhost:" + chosen), region, chosen, database, server, before);
      } catch (Exception e) {
        last = e;
        if (database != null) {
          database.closeForGood();
        }
        if (port != 0) {
          break; // a fixed port that is taken will not free itself
        }
      } finally {
        System.setOut(out);
      }
    }
    throw new IllegalStateException("DynamoDB Local did not start", last);
  }

  /** Uses a DynamoDB (Local) that already runs at {@code endpoint}. */
  public static LocalDynamoDb connect(URI endpoint, Region region) {
    return new LocalDynamoDb(Objects.requireNonNull(endpoint, "endpoint"), region, endpoint.getPort(), null, null,
        Set.of());
  }

  /** Creates both tables where missing and waits until they are active. */
  public void createTables(TableNames names) {
    TableCreator.createIfMissing(client, names);
  }

  public URI endpoint() {
    return endpoint;
  }

  /** Whether this JVM runs the server (else it connected to one). */
  public boolean inProcess() {
    return database != null;
  }

  /** Whether the in-process HTTP server is running (false while {@link #stopServer() stopped}). */
  public synchronized boolean serverRunning() {
    return server != null;
  }

  /**
   * Stops the in-process HTTP server: its port refuses connections and calls in flight fail, as in an outage. The
   * database (tables, items, stream) is kept for {@link #startServer()}. Idempotent.
   *
   * @throws IllegalStateException when DynamoDB does not run in this JVM
   */
  public synchronized void stopServer() {
    requireInProcess();
    if (server == null) {
      return;
    }
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local's HTTP server did not stop", e);
    } finally {
      server = null;
    }
  }

  /**
   * Starts the HTTP server again on the same port, on the same database. Idempotent.
   *
   * @throws IllegalStateException when DynamoDB does not run in this JVM, or the port was taken meanwhile
   */
  public synchronized void startServer() {
    requireInProcess();
    if (server != null) {
      return;
    }
    DynamoDBProxyServer restarted = new DynamoDBProxyServer(port, database);
    try {
      restarted.start();
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not start again on port " + port, e);
    }
    server = restarted;
  }

  private void requireInProcess() {
    if (database == null) {
      throw new IllegalStateException("DynamoDB runs elsewhere (" + endpoint + "); only an in-process one stops");
    }
  }

  /**
   * Write calls made through {@link #client()} on {@code table} (every table when null): {@code PutItem},
   * {@code UpdateItem}, {@code DeleteItem}, conditional failures included; batch and transaction calls once per
   * table.
   */
  public long writes(String table) {
    return writes.writes(table);
  }

  /** The stack's own client; shared, do not close. */
  public DynamoDbClient client() {
    return client;
  }

  /** A new streams client; the caller closes it. */
  public DynamoDbStreamsClient newStreamsClient() {
    return DynamoDbStreamsClient.builder()
        .endpointOverride(endpoint)
        .region(region)
        .credentialsProvider(credentials())
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }

  /** The requests table's stream ARN. */
  public String streamArn(String table) {
    String arn = client.describeTable(b -> b.tableName(table)).table().latestStreamArn();
    if (arn == null) {
      throw new IllegalStateException("table " + table + " has no stream");
    }
    return arn;
  }

  @Override
  public synchronized void close() {
    client.close();
    if (database != null) {
      try {
        if (server != null) {
          server.stop();
        }
      } catch (Exception e) {
        throw new IllegalStateException("DynamoDB Local did not stop cleanly", e);
      } finally {
        server = null;
        database.closeForGood();
        stopBackgroundJobs();
      }
    }
  }

  /**
   * DynamoDB Local 2.6.1's {@code server.stop()} shuts its job pool down without interrupting it, and its stream
   * shard rollover job loops until cancelled, on a non-daemon thread: the JVM could never exit. Its sleep ends in an
   * exception when interrupted, which ends the thread; only threads that appeared while this server ran are touched.
   */
  private void stopBackgroundJobs() {
    for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
      if (!threadsBefore.contains(thread.getKey()) && runsJob(thread.getValue())) {
        thread.getKey().interrupt();
      }
    }
  }

  private static boolean runsJob(StackTraceElement[] stack) {
    for (StackTraceElement frame : stack) {
      if (frame.getClassName().startsWith(DYNAMODB_LOCAL_JOBS)) {
        return true;
      }
    }
    return false;
  }

  private static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
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
