package dev.streamer.runtime.aws.lambda;

import java.time.Clock;
import java.util.Objects;

/**
 * The clock of runtimes built from the environment ({@link StreamerLambda#fromEnvironment}): the system UTC clock,
 * unless a host that runs the generated handlers in its own JVM (the local stack) installed another before creating
 * them. Read once, when a handler class builds its runtime, like the rest of its configuration. On AWS nothing
 * installs one.
 *
 * <p>It lets tests move the time of retries, leases and token expiry without waiting; a host that builds runtimes
 * with {@link StreamerLambda#builder} passes its clock there instead.
 */
public final class HostClock {

  private static volatile Clock installed;

  private HostClock() {}

  /** Makes {@code clock} the clock of runtimes built from now on in this JVM. */
  public static void install(Clock clock) {
    installed = Objects.requireNonNull(clock, "clock");
  }

  /** Goes back to the system clock, if {@code clock} is still the installed one. */
  public static void uninstall(Clock clock) {
    if (installed == clock) {
      installed = null;
    }
  }

  /** The installed clock, else {@link Clock#systemUTC()}. */
  public static Clock current() {
    Clock clock = installed;
    return clock == null ? Clock.systemUTC() : clock;
  }
}
