package dev.streamer.samples;

import dev.streamer.annotations.HandlerFactory;
import dev.streamer.core.routing.Interceptor;
import java.time.Clock;
import java.util.List;

/**
 * Supplies handler instances that need dependencies. Generated code calls {@code new SampleHandlerFactory()} and
 * then one method per handler class: no reflection, no container.
 */
@HandlerFactory
public final class SampleHandlerFactory implements SampleHandlers {

  /** The simulated work of one report or export step, in ms; read when a function builds its handlers. */
  private static final String STEP_MILLIS = "sample.report.stepMillis";
  /** One per JVM, like a metrics registry: every function of the app counts into it. */
  private static final ActionMetrics METRICS = new ActionMetrics();

  /** The counts of {@link ActionMetrics}, for tests and a metrics endpoint. */
  public static ActionMetrics metrics() {
    return METRICS;
  }

  @Override
  public Reports reports() {
    String bucket = System.getenv().getOrDefault("REPORTS_BUCKET", "sample-reports");
    return new Reports(ReportStorage.bucket(bucket), Clock.systemUTC(), Long.getLong(STEP_MILLIS, 50));
  }

  /** Around every action, in the $default function (sync, enqueue) and the stream processor (async). */
  @Override
  public List<Interceptor> interceptors() {
    return List.of(METRICS);
  }
}
