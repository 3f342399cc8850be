package dev.streamer.deploy.sam;

import static dev.streamer.deploy.sam.Cfn.alias;
import static dev.streamer.deploy.sam.Cfn.getAtt;
import static dev.streamer.deploy.sam.Cfn.map;

import dev.streamer.deploy.app.DeployedApp;
import dev.streamer.core.app.HandlerKind;
import dev.streamer.core.protocol.RequestStatus;
import dev.streamer.runtime.aws.tables.StreamerTables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What invokes the processor and the sweeper: the requests table's stream through an event source mapping, with a
 * dead-letter queue for batches that keep failing, and a one-minute schedule.
 */
public final class EventResources {

  /** Small batches: each record may run a long job, and a failure re-delivers the rest of the batch. */
  public static final int BATCH_SIZE = 10;
  public static final int MAXIMUM_RETRY_ATTEMPTS = 5;
  /** Older records go to the dead-letter queue; the sweeper re-drives their items anyway. */
  public static final int MAXIMUM_RECORD_AGE_SECONDS = 3600;
  public static final String SWEEP_RATE = "rate(1 minute)";

  private EventResources() {}

  public static Map<String, Object> of(DeployedApp app) {
    Map<String, Object> resources = new LinkedHashMap<>();
    resources.put(LogicalIds.FAILURE_QUEUE, Cfn.resource("AWS::SQS::Queue", map(
        "MessageRetentionPeriod", 1_209_600,
        "SqsManagedSseEnabled", true)));
    resources.put(LogicalIds.STREAM_MAPPING, Cfn.resource("AWS::Lambda::EventSourceMapping", map(
        "EventSourceArn", getAtt(LogicalIds.table(StreamerTables.REQUESTS), "StreamArn"),
        "FunctionName", alias(LogicalIds.function(app, HandlerKind.STREAM_PROCESSOR)),
        "StartingPosition", "LATEST",
        "BatchSize", BATCH_SIZE,
        "FunctionResponseTypes", List.of("ReportBatchItemFailures"),
        "BisectBatchOnFunctionError", true,
        "MaximumRetryAttempts", MAXIMUM_RETRY_ATTEMPTS,
        "MaximumRecordAgeInSeconds", MAXIMUM_RECORD_AGE_SECONDS,
        "FilterCriteria", map("Filters", List.of(map("Pattern", pendingFilter()))),
        "DestinationConfig", map("OnFailure", map("Destination", getAtt(LogicalIds.FAILURE_QUEUE, "Arn"))))));
    String sweeper = LogicalIds.function(app, HandlerKind.SWEEPER);
    resources.put(LogicalIds.SWEEPER_SCHEDULE, Cfn.resource("AWS::Events::Rule", map(
        "Description", "Streamer " + app.appName() + ": re-drive due retries and expired leases",
        "ScheduleExpression", SWEEP_RATE,
        "State", "ENABLED",
        "Targets", List.of(map("Id", "sweeper", "Arn", alias(sweeper))))));
    resources.put(LogicalIds.SWEEPER_SCHEDULE + "Permission", Cfn.resource("AWS::Lambda::Permission", map(
        "Action", "lambda:InvokeFunction",
        "FunctionName", alias(sweeper),
        "Principal", "events.amazonaws.com",
        "SourceArn", getAtt(LogicalIds.SWEEPER_SCHEDULE, "Arn"))));
    return resources;
  }

  /**
   * Only inserts and updates whose new image is PENDING reach the processor: claims, outcomes and TTL deletions
   * never invoke it.
   */
  static String pendingFilter() {
    return "{\"eventName\":[\"INSERT\",\"MODIFY\"],\"dynamodb\":{\"NewImage\":{\"" + StreamerTables.STATUS
        + "\":{\"S\":[\"" + RequestStatus.PENDING.name() + "\"]}}}}";
  }
}
