package dev.streamer.runtime.aws.internal.observability;

/** The metrics Streamer emits, with their CloudWatch names and units. */
public enum Metric {
  /** An async request was written to the queue. */
  REQUEST_QUEUED("RequestQueued", Unit.COUNT),
  /** An async request finished successfully. */
  REQUEST_COMPLETED("RequestCompleted", Unit.COUNT),
  /** An async request ended FAILED (retries exhausted, fatal error, timeout). */
  REQUEST_FAILED("RequestFailed", Unit.COUNT),
  /** Time from claim to outcome of one attempt. */
  PROCESSING_TIME("ProcessingTime", Unit.MILLISECONDS),
  /** Progress messages delivered to a connection. */
  PROGRESS_SENT("ProgressSent", Unit.COUNT),
  /** A send found the connection gone (410) and its record was deleted. */
  CONNECTION_GONE("ConnectionGone", Unit.COUNT),
  /** Connections a server event was delivered to. */
  EVENTS_SENT("EventsSent", Unit.COUNT),
  /** Connections a server event found gone (410; their records were deleted). */
  EVENTS_GONE("EventsGone", Unit.COUNT),
  /** Connections a server event could not reach (throttling or errors outlasted the retries, or refused). */
  EVENTS_FAILED("EventsFailed", Unit.COUNT),
  /** A request refused with RATE_LIMITED (property {@code scope}: user or tenant). */
  REQUEST_THROTTLED("RequestThrottled", Unit.COUNT),
  /** A {@code $connect} refused because the user has {@code MAX_CONNECTIONS_PER_USER} open connections. */
  CONNECTION_LIMITED("ConnectionLimited", Unit.COUNT),
  /** A due job left PENDING because its tenant runs {@code MAX_RUNNING_PER_TENANT} jobs already. */
  JOB_DEFERRED("JobDeferred", Unit.COUNT);

  /** CloudWatch units used here, spelled as EMF wants them. */
  public enum Unit {
    COUNT("Count"),
    MILLISECONDS("Milliseconds");

    private final String cloudWatchName;

    Unit(String cloudWatchName) {
      this.cloudWatchName = cloudWatchName;
    }

    public String cloudWatchName() {
      return cloudWatchName;
    }
  }

  private final String metricName;
  private final Unit unit;

  Metric(String metricName, Unit unit) {
    this.metricName = metricName;
    this.unit = unit;
  }

  /** The name in CloudWatch, such as {@code RequestQueued}. */
  public String metricName() {
    return metricName;
  }

  public Unit unit() {
    return unit;
  }
}
