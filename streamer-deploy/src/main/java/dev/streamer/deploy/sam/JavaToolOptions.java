package dev.streamer.deploy.sam;

import java.util.List;

/**
 * The JVM options of every function, set through {@value #VARIABLE} in the template's {@code Globals} (the JVM reads
 * that variable itself; no handler does). The cold-start harness of the sample app starts its JVMs with exactly
 * these, and a test checks that the template and the harness agree.
 *
 * <p>Tiered compilation stopped at C1 is AWS's advice for short-lived functions (<a
 * href="https://docs.aws.amazon.com/lambda/latest/dg/java-customization.html">Customize Java runtime startup
 * behavior</a>). On {@code java17} ({@link SamTemplate#RUNTIME}) they equal the runtime's own defaults (C1 only,
 * serial collector), so writing them out changes nothing there but makes what the harness measures what the
 * template deploys. Revisit them with the runtime: from {@code java25}, Lambda keeps the JVM's default tiers for
 * SnapStart functions, which compile before the snapshot.
 */
public final class JavaToolOptions {

  /** The environment variable the JVM reads its extra options from. */
  public static final String VARIABLE = "JAVA_TOOL_OPTIONS";

  /** The options, in order. */
  public static final List<String> OPTIONS = List.of(
      "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  private JavaToolOptions() {}

  /** The variable's value: {@link #OPTIONS} separated by spaces. */
  public static String value() {
    return String.join(" ", OPTIONS);
  }
}
