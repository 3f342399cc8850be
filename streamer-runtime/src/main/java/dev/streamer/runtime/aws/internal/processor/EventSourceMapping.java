package dev.streamer.runtime.aws.internal.processor;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dev.streamer.core.protocol.RequestStatus;
import dev.streamer.runtime.aws.tables.StreamerTables;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The event source mapping from the requests table's stream to the stream processor, defined once: the SAM template
 * (streamer-deploy) writes these values and the local stack's poller applies them, and a test checks that both agree.
 * Names and ranges are those of {@code AWS::Lambda::EventSourceMapping}
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-eventsourcemapping.html).
 *
 * @param batchSize                  most records per invocation (streams: 1–10,000; AWS's default is 100)
 * @param parallelizationFactor      batches of one shard processed at once (1–10; AWS's default is 1), records of
 *                                   one partition key staying in order
 * @param maximumBatchingWindow      how long records are gathered before an invocation (0–300 s)
 * @param startingPosition           where a new mapping starts reading a shard it finds when it is created
 * @param maximumRetryAttempts       retries of a failing batch before its records go to the on-failure destination
 *                                   (-1 for "until the record expires", 0–10,000)
 * @param bisectBatchOnFunctionError a failing batch is split in two and each half retried
 * @param maximumRecordAge           older records are not processed but go to the on-failure destination (60 s to
 *                                   7 days)
 */
public record EventSourceMapping(
    int batchSize,
    int parallelizationFactor,
    Duration maximumBatchingWindow,
    StartingPosition startingPosition,
    int maximumRetryAttempts,
    boolean bisectBatchOnFunctionError,
    Duration maximumRecordAge) {

  /** Where reading starts on the shards that exist when the mapping is created. */
  public enum StartingPosition {
    /** Only records written after the mapping started. */
    LATEST,
    /** Every record the stream still holds (up to 24 hours). */
    TRIM_HORIZON
  }

  /** Small batches: a failure re-delivers the rest of the batch, and the processor runs a batch's jobs at once. */
  public static final int DEFAULT_BATCH_SIZE = 10;
  /** The highest Lambda allows: a new table's stream often has one shard, and queued jobs must not wait in line. */
  public static final int DEFAULT_PARALLELIZATION_FACTOR = 10;
  /** The function's response type that lets {@link StreamProcessor} report which records to redeliver. */
  public static final String FUNCTION_RESPONSE_TYPE = "ReportBatchItemFailures";
  /** Stream events that may carry a request to run. */
  public static final List<String> FILTER_EVENT_NAMES = List.of("INSERT", "MODIFY");

  /** What the template deploys and the local stack runs unless told otherwise. */
  public static final EventSourceMapping DEFAULT = new EventSourceMapping(DEFAULT_BATCH_SIZE,
      DEFAULT_PARALLELIZATION_FACTOR, Duration.ZERO, StartingPosition.LATEST, 5, true, Duration.ofHours(1));

  public EventSourceMapping {
    Objects.requireNonNull(maximumBatchingWindow, "maximumBatchingWindow");
    Objects.requireNonNull(startingPosition, "startingPosition");
    Objects.requireNonNull(maximumRecordAge, "maximumRecordAge");
    if (batchSize < 1 || batchSize > 10_000) {
      throw new IllegalArgumentException("BatchSize must be 1 to 10000: " + batchSize);
    }
    if (parallelizationFactor < 1 || parallelizationFactor > 10) {
      throw new IllegalArgumentException("ParallelizationFactor must be 1 to 10: " + parallelizationFactor);
    }
    if (maximumBatchingWindow.isNegative() || maximumBatchingWindow.compareTo(Duration.ofSeconds(300)) > 0) {
      throw new IllegalArgumentException("MaximumBatchingWindowInSeconds must be 0 to 300");
    }
    if (maximumRetryAttempts < -1) {
      throw new IllegalArgumentException("MaximumRetryAttempts must be -1 or more: " + maximumRetryAttempts);
    }
    if (maximumRecordAge.isNegative() || maximumRecordAge.isZero()) {
      throw new IllegalArgumentException("MaximumRecordAgeInSeconds must be positive");
    }
  }

  public EventSourceMapping withBatchSize(int value) {
    return new EventSourceMapping(value, parallelizationFactor, maximumBatchingWindow, startingPosition,
        maximumRetryAttempts, bisectBatchOnFunctionError, maximumRecordAge);
  }

  public EventSourceMapping withParallelizationFactor(int value) {
    return new EventSourceMapping(batchSize, value, maximumBatchingWindow, startingPosition,
        maximumRetryAttempts, bisectBatchOnFunctionError, maximumRecordAge);
  }

  public EventSourceMapping withMaximumRetryAttempts(int value) {
    return new EventSourceMapping(batchSize, parallelizationFactor, maximumBatchingWindow, startingPosition, value,
        bisectBatchOnFunctionError, maximumRecordAge);
  }

  /**
   * {@code FilterCriteria}'s one pattern: only inserts and updates whose new image is PENDING reach the processor,
   * so claims, outcomes and TTL deletions never invoke it.
   */
  public static String filterPattern() {
    return "{\"eventName\":[\"" + String.join("\",\"", FILTER_EVENT_NAMES) + "\"],\"dynamodb\":{\"NewImage\":{\""
        + StreamerTables.STATUS + "\":{\"S\":[\"" + RequestStatus.PENDING.name() + "\"]}}}}";
  }

  /** Whether {@code record} passes {@link #filterPattern()}, evaluated the way Lambda evaluates it. */
  public static boolean passesFilter(DynamodbEvent.DynamodbStreamRecord record) {
    if (record == null || !FILTER_EVENT_NAMES.contains(record.getEventName()) || record.getDynamodb() == null) {
      return false;
    }
    Map<String, AttributeValue> image = record.getDynamodb().getNewImage();
    AttributeValue status = image == null ? null : image.get(StreamerTables.STATUS);
    return status != null && RequestStatus.PENDING.name().equals(status.getS());
  }
}
