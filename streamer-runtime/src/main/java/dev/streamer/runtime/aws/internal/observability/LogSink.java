package dev.streamer.runtime.aws.internal.observability;

/**
 * Where finished log and metric lines go. On Lambda that is standard output, which the runtime ships to CloudWatch
 * Logs; tests pass a sink that collects the lines.
 */
@FunctionalInterface
public interface LogSink {

  /** Writes one complete line (no trailing newline); must be safe to call from several threads. */
  void write(String line);

  /** Standard output. Lines are pure ASCII (non-ASCII is escaped), so the platform encoding cannot garble them. */
  static LogSink stdout() {
    return StdoutSink.INSTANCE;
  }
}

enum StdoutSink implements LogSink {
  INSTANCE;

  @Override
  public void write(String line) {
    // PrintStream.println is synchronized: concurrent lines never interleave.
    System.out.println(line);
  }
}
