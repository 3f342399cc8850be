package dev.streamer.samples.coldstart;

import dev.streamer.runtime.aws.DynamoDbLocal;
import dev.streamer.runtime.aws.connections.ConnectionStore;
import dev.streamer.runtime.aws.tables.TableNames;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Cold-start proxy of the sample app (a benchmark, not a test): in fresh JVMs on the packaged jar, the time from
 * process start to the first routed sync request through the generated {@code SampleDefaultHandler}, configured
 * like Lambda through environment variables and pointed at DynamoDB Local (started here, with the caller's
 * connection stored), beside a bare JVM start ({@link Noop}) on the same class path. Runs are interleaved; the
 * first of each is a discarded warm-up (file cache). Prints medians and their ratio.
 *
 * <pre>ColdStartHarness --artifact samples/app/target/sample-app-lambda.jar [--runs 10]</pre>
 *
 * Run it with {@code mvn -B -o -pl streamer-annotations,streamer-runtime,streamer-processor,streamer-deploy,samples/app
 * verify -DskipTests -Pcoldstart [-Dcoldstart.runs=10]}.
 */
public final class ColdStartHarness {

  private static final String HANDLER = "dev.streamer.samples.SampleDefaultHandler";

  private ColdStartHarness() {}

  public static void main(String[] args) throws Exception {
    Path artifact = null;
    int runs = 10;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--artifact" -> artifact = Path.of(args[i + 1]);
        case "--runs" -> runs = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (artifact == null || !Files.isRegularFile(artifact)) {
      throw new IllegalArgumentException("--artifact <jar> is required and must exist: " + artifact);
    }
    Path probeClasses = Path.of(ColdStartProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String classPath = artifact.toAbsolutePath() + File.pathSeparator + probeClasses;

    TableNames tables = DynamoDbLocal.createTables("ColdStart");
    String connectionId = "cold-start-connection";
    try (DynamoDbClient client = DynamoDbLocal.client()) {
      new ConnectionStore(client, tables.connections(), Duration.ofHours(1), Clock.systemUTC())
          .create(connectionId, "user-1", "tenant-1", "https://abc123.execute-api.us-east-1.amazonaws.com/prod",
              Map.of());
    }
    Map<String, String> env = Map.of(
        "REQUESTS_TABLE", tables.requests(),
        "CONNECTIONS_TABLE", tables.connections(),
        "DYNAMODB_ENDPOINT", DynamoDbLocal.endpoint().toString(),
        "AWS_REGION", DynamoDbLocal.REGION.id(),
        "AWS_ACCESS_KEY_ID", "streamertest",
        "AWS_SECRET_ACCESS_KEY", "streamertestsecret",
        "LOG_LEVEL", "WARN");

    List<Long> bare = new ArrayList<>();
    List<Long> handler = new ArrayList<>();
    List<Long> init = new ArrayList<>();
    List<Long> firstRequest = new ArrayList<>();
    for (int run = 0; run <= runs; run++) {
      long bareMs = time(classPath, env, Noop.class.getName(), List.of(), null);
      long[] inner = new long[2];
      long handlerMs = time(classPath, env, ColdStartProbe.class.getName(), List.of(HANDLER, connectionId), inner);
      if (run > 0) {
        bare.add(bareMs);
        handler.add(handlerMs);
        init.add(inner[0]);
        firstRequest.add(inner[1]);
      }
    }
    long bareMedian = median(bare);
    long handlerMedian = median(handler);
    System.out.printf("artifact: %s (%,d bytes)%n", artifact, Files.size(artifact));
    System.out.printf("java: %s %s, %d runs after one warm-up, %d processors%n", System.getProperty("java.vendor"),
        System.getProperty("java.version"), runs, Runtime.getRuntime().availableProcessors());
    System.out.printf("bare JVM start (Noop), median:                       %5d ms   %s%n", bareMedian, bare);
    System.out.printf("JVM start to first routed sync request, median:      %5d ms   %s%n", handlerMedian, handler);
    System.out.printf("  of which handler class init + construction, median: %4d ms   %s%n", median(init), init);
    System.out.printf("  of which first handleRequest, median:               %4d ms   %s%n", median(firstRequest),
        firstRequest);
    System.out.printf("ratio (handler / bare): %.1f%n", (double) handlerMedian / bareMedian);
    System.exit(0);
  }

  /** Wall time of one child JVM from start to exit; {@code inner} receives the probe's own figures. */
  private static long time(String classPath, Map<String, String> env, String mainClass, List<String> args,
      long[] inner) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath, mainClass));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    String path = System.getenv("PATH");
    builder.environment().clear();
    if (path != null) {
      builder.environment().put("PATH", path);
    }
    builder.environment().putAll(env);
    long start = System.nanoTime();
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(mainClass + " did not finish");
    }
    long elapsedMs = (System.nanoTime() - start) / 1_000_000;
    String text = new String(output, StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new IllegalStateException(mainClass + " exited with " + process.exitValue() + ":\n" + text);
    }
    if (inner != null) {
      String line = text.lines().filter(l -> l.startsWith(ColdStartProbe.PREFIX)).findFirst()
          .orElseThrow(() -> new IllegalStateException("no figures from the probe:\n" + text));
      long[] figures = Arrays.stream(line.substring(ColdStartProbe.PREFIX.length()).trim().split(" "))
          .mapToLong(Long::parseLong).toArray();
      inner[0] = figures[0];
      inner[1] = figures[1];
    }
    return elapsedMs;
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
