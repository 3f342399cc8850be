package dev.streamer.local;

import dev.streamer.local.lambda.LocalFunction;
import dev.streamer.runtime.aws.internal.processor.SweepSchedule;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local stand-in for the sweeper's EventBridge schedule: a timer that invokes the sweeper function as the
 * template's rule does, and sweeps on demand, each with a scheduled event in AWS's JSON shape.
 */
final class SweeperTimer {

  // logged under the stack's name, as before the stack's parts had classes of their own
  private static final System.Logger LOG = System.getLogger(LocalStack.class.getName());
  private static final Duration ON_DEMAND_SWEEP_TIME = Duration.ofSeconds(5);
  private final LocalFunction<Map<String, Object>, String> sweeper;
  private final StackSettings settings;
  private final Clock clock;
  private final ScheduledExecutorService timer;

  SweeperTimer(LocalFunction<Map<String, Object>, String> sweeper, StackSettings settings, Clock clock,
      ScheduledExecutorService timer) {
    this.sweeper = sweeper;
    this.settings = settings;
    this.clock = clock;
    this.timer = timer;
  }

  void start() {
    // as the template's schedule: an invocation every minute, which sweeps every SWEEP_INTERVAL until the next
    timer.scheduleAtFixedRate(this::sweepQuietly, settings.sweepInterval.toMillis(),
        SweepSchedule.RATE.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** One sweep now: the sweeper is invoked with too little time left for a second one. */
  String sweep() {
    return sweeper.invoke(scheduledEvent(), ON_DEMAND_SWEEP_TIME);
  }

  void close() {
    timer.shutdownNow();
  }

  private void sweepQuietly() {
    try {
      sweeper.invoke(scheduledEvent());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "sweeper failed", e);
    }
  }

  /** An EventBridge scheduled event in AWS's JSON shape, as the Lambda runtime hands it to a map-typed handler. */
  private Map<String, Object> scheduledEvent() {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("version", "0");
    event.put("id", UUID.randomUUID().toString());
    event.put("detail-type", "Scheduled Event");
    event.put("source", "aws.events");
    event.put("account", "000000000000");
    event.put("time", DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
    event.put("region", settings.region);
    event.put("resources", List.of("arn:aws:events:" + settings.region + ":000000000000:rule/streamer-local-sweeper"));
    event.put("detail", Map.of());
    return event;
  }
}
