package dev.streamer.runtime.aws.internal.processor;

import dev.streamer.runtime.aws.DynamoDbLocal;
import dev.streamer.runtime.aws.ManualClock;
import dev.streamer.runtime.aws.RecordingReplies;
import dev.streamer.runtime.aws.StreamRecords;
import dev.streamer.runtime.aws.internal.requests.DynamoRequestStore;
import dev.streamer.runtime.aws.tables.TableNames;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What every processor test against DynamoDB Local starts from: fresh tables named after the test, the requests
 * table's real stream, a manual clock, the request store, recorded replies and a pool for the jobs.
 */
abstract class ProcessorOnDynamoDbLocal {

  protected DynamoDbClient client;
  protected StreamRecords stream;
  protected ManualClock clock;
  protected DynamoRequestStore store;
  protected RecordingReplies replies;
  protected ExecutorService workers;

  /** Prefix of this test's table names. */
  protected abstract String tablePrefix();

  @BeforeEach
  void openTables() {
    client = DynamoDbLocal.client();
    TableNames tables = DynamoDbLocal.createTables(tablePrefix());
    stream = new StreamRecords(client, tables.requests());
    clock = ManualClock.startingNow();
    store = new DynamoRequestStore(client, tables.requests(), clock, Duration.ofDays(7), 2);
    replies = new RecordingReplies();
    workers = Executors.newCachedThreadPool();
  }

  @AfterEach
  void closeTables() {
    workers.shutdownNow();
    stream.close();
    client.close();
  }
}
