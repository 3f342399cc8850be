package dev.streamer.deploy.sam;

import static dev.streamer.deploy.sam.Cfn.alias;
import static dev.streamer.deploy.sam.Cfn.getAtt;
import static dev.streamer.deploy.sam.Cfn.map;

import dev.streamer.deploy.app.DeployedApp;
import dev.streamer.core.app.HandlerKind;
import dev.streamer.runtime.aws.internal.processor.EventSourceMapping;
import dev.streamer.runtime.aws.internal.processor.SweepSchedule;
import dev.streamer.runtime.aws.tables.StreamerTables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What invokes the processor and the sweeper: the requests table's stream through the event source mapping the
 * runtime defines ({@link EventSourceMapping#DEFAULT}, which the local stack applies too), with a dead-letter queue
 * for batches that keep failing, and a one-minute schedule.
 */
public final class EventResources {

  public static final String SWEEP_RATE = SweepSchedule.SCHEDULE_EXPRESSION;

  private EventResources() {}

  public static Map<String, Object> of(DeployedApp app) {
    EventSourceMapping mapping = EventSourceMapping.DEFAULT;
    Map<String, Object> resources = new LinkedHashMap<>();
    resources.put(LogicalIds.FAILURE_QUEUE, Cfn.resource("AWS::SQS::Queue", map(
        "MessageRetentionPeriod", 1_209_600,
        "SqsManagedSseEnabled", true)));
    resources.put(LogicalIds.STREAM_MAPPING, Cfn.resource("AWS::Lambda::EventSourceMapping", map(
        "EventSourceArn", getAtt(LogicalIds.table(StreamerTables.REQUESTS), "StreamArn"),
        "FunctionName", alias(LogicalIds.function(app, HandlerKind.STREAM_PROCESSOR)),
        "StartingPosition", mapping.startingPosition().name(),
        "BatchSize", mapping.batchSize(),
        "ParallelizationFactor", mapping.parallelizationFactor(),
        "MaximumBatchingWindowInSeconds", (int) mapping.maximumBatchingWindow().toSeconds(),
        "FunctionResponseTypes", List.of(EventSourceMapping.FUNCTION_RESPONSE_TYPE),
        "BisectBatchOnFunctionError", mapping.bisectBatchOnFunctionError(),
        "MaximumRetryAttempts", mapping.maximumRetryAttempts(),
        "MaximumRecordAgeInSeconds", (int) mapping.maximumRecordAge().toSeconds(),
        "FilterCriteria", map("Filters", List.of(map("Pattern", EventSourceMapping.filterPattern()))),
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
}
