package dev.streamer.samples;

import dev.streamer.annotations.HandlerFactory;
import java.time.Clock;

/**
 * Supplies handler instances that need dependencies. Generated code calls {@code new SampleHandlerFactory()} and
 * then one method per handler class: no reflection, no container.
 */
@HandlerFactory
public final class SampleHandlerFactory implements SampleHandlers {

  private static final long STEP_MILLIS = Long.getLong("sample.report.stepMillis", 50);

  @Override
  public Reports reports() {
    String bucket = System.getenv().getOrDefault("REPORTS_BUCKET", "sample-reports");
    return new Reports(ReportStorage.bucket(bucket), Clock.systemUTC(), STEP_MILLIS);
  }
}
