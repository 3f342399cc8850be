package dev.streamer.runtime.aws.internal.processor;

import java.time.Duration;

/**
 * When the sweeper runs, defined once: the SAM template's schedule invokes it every {@link #RATE} (EventBridge's
 * shortest rate is one minute), and each invocation sweeps every {@code SWEEP_INTERVAL} (default
 * {@link #DEFAULT_INTERVAL}) until the next invocation is due. The local stack's timer uses the same two values.
 *
 * <p>With the default lease of 60 s, a crashed job is taken back at most lease + interval = 80 s after its last
 * renewal, and re-run as soon as the stream delivers the change.
 */
public final class SweepSchedule {

  /** How often the schedule invokes the sweeper. */
  public static final Duration RATE = Duration.ofMinutes(1);
  /** The template's {@code ScheduleExpression} for {@link #RATE}. */
  public static final String SCHEDULE_EXPRESSION = "rate(1 minute)";
  /** Default time between two sweeps inside one invocation, in seconds (a constant: reading it loads no class). */
  public static final long DEFAULT_INTERVAL_SECONDS = 20;
  /** Default time between two sweeps inside one invocation. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(DEFAULT_INTERVAL_SECONDS);

  private SweepSchedule() {}
}
