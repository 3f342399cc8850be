package dev.streamer.samples.coldstart;

/** The baseline of the cold-start proxy: a JVM that starts, does nothing and prints nothing. */
public final class Noop {

  private Noop() {}

  public static void main(String[] args) {
    // nothing: the time of this process is the bare JVM start and exit
  }
}
