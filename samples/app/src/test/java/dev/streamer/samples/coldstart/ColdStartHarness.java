package dev.streamer.samples.coldstart;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamer.deploy.sam.JavaToolOptions;
import dev.streamer.runtime.aws.DynamoDbLocal;
import dev.streamer.runtime.aws.internal.connections.ConnectionStore;
import dev.streamer.runtime.aws.tables.TableNames;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Cold-start benchmark of the sample app (not a test): fresh JVMs on the packaged Lambda jar, each configured like a
 * Lambda function through environment variables only and pointed at DynamoDB Local (started here), time from process
 * start to the first reply of
 * <ul>
 *   <li>the generated {@code SampleDefaultHandler} and the {@link HandWrittenDefaultHandler} on one {@code echo}
 *       message from a stored connection;</li>
 *   <li>the generated {@code SampleConnectHandler} and a hand-written one on one {@code $connect} with an HS256
 *       token, twice: {@link HandWrittenJose4jConnectHandler} (the JWT library Streamer uses) and
 *       {@link HandWrittenConnectHandler} (java-jwt, with jackson-databind);</li>
 *   <li>a bare JVM ({@link Noop}) on the same class path.</li>
 * </ul>
 * The generated classes are reached only as Lambda does: public no-arg constructor and {@code handleRequest}
 * ({@link ColdStartProbe}). Variants of JVM options: the template's {@code JAVA_TOOL_OPTIONS}
 * ({@link JavaToolOptions}), the same with {@code -XX:+UseSerialGC} toggled, none. {@code runs} rounds after one
 * discarded warm-up round (file cache); a round runs every variant (each first in turn), and in a variant generated
 * and hand-written back to back, in alternating order. Prints per side the medians of wall time and of CPU time to
 * the first reply, per pair the ratio of the medians and the quartiles of the per-round ratios, then the classes
 * each side loads (in each of {@value #CLASS_RUNS} more JVMs with {@code -Xlog:class+load}: some runs load ~20 JDK
 * security-provider classes that others do not) and the packages of the difference; every class
 * of the difference goes to {@code target/coldstart/<function>-difference.txt}.
 *
 * <pre>ColdStartHarness --artifact samples/app/target/sample-app-lambda.jar [--runs 10] [--variants 3]
 *     [--pairs all|default,connect-jose4j,connect-java-jwt]</pre>
 *
 * Run it with {@code mvn -B -o -pl samples/app -am verify -DskipTests -Pcoldstart [-Dcoldstart.runs=10]
 * [-Dcoldstart.variants=1] [-Dcoldstart.pairs=default]}: one function and one set of options gives the many rounds
 * a ratio within a percent or two needs on a noisy machine (the report gives each ratio's bootstrap interval).
 */
public final class ColdStartHarness {

  static final String GENERATED_DEFAULT = "dev.streamer.samples.SampleDefaultHandler";
  static final String GENERATED_CONNECT = "dev.streamer.samples.SampleConnectHandler";
  static final String SERIAL_GC = "-XX:+UseSerialGC";
  /** Class-logging runs per side; a side counts the classes all of them loaded. */
  static final int CLASS_RUNS = 3;
  private static final String SECRET = "cold-start-secret-0123456789abcdef-0123456789";
  private static final String CONNECTION_ID = "cold-start-connection";

  /**
   * One function measured two ways; the hand-written side runs with {@code extraClassPath} after the jar (libraries
   * its own jar would hold that Streamer's does not).
   */
  private record Pair(String key, String name, String mode, String generated, String handWritten,
      String extraClassPath) {}

  /** A set of JVM options, passed as Lambda passes them: {@code JAVA_TOOL_OPTIONS}. */
  public record Variant(String name, List<String> options) {}

  private static final List<Pair> PAIRS = List.of(
      new Pair("default", "$default echo", "message", GENERATED_DEFAULT, HandWrittenDefaultHandler.class.getName(),
          ""),
      new Pair("connect-jose4j", "$connect (jose4j)", "connect", GENERATED_CONNECT,
          HandWrittenJose4jConnectHandler.class.getName(), ""),
      new Pair("connect-java-jwt", "$connect (java-jwt)", "connect", GENERATED_CONNECT,
          HandWrittenConnectHandler.class.getName(), jarsOf(JWT.class, ObjectMapper.class, JsonAutoDetect.class)));

  private ColdStartHarness() {}

  /** The template's options first, then with the serial collector toggled, then the JVM's defaults. */
  public static List<Variant> variants() {
    List<String> template = JavaToolOptions.OPTIONS;
    List<String> toggled = new ArrayList<>(template);
    if (!toggled.remove(SERIAL_GC)) {
      toggled.add(SERIAL_GC);
    }
    return List.of(new Variant("template JAVA_TOOL_OPTIONS", template),
        new Variant(template.contains(SERIAL_GC) ? "template without " + SERIAL_GC : "template with " + SERIAL_GC,
            List.copyOf(toggled)),
        new Variant("no JAVA_TOOL_OPTIONS (JVM defaults)", List.of()));
  }

  public static void main(String[] args) throws Exception {
    Path artifact = null;
    int runs = 10;
    int variantCount = 3;
    String only = "all";
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--artifact" -> artifact = Path.of(args[i + 1]);
        case "--runs" -> runs = Integer.parseInt(args[i + 1]);
        case "--variants" -> variantCount = Integer.parseInt(args[i + 1]);
        case "--pairs" -> only = args[i + 1];
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (artifact == null || !Files.isRegularFile(artifact)) {
      throw new IllegalArgumentException("--artifact <jar> is required and must exist: " + artifact);
    }
    List<Pair> pairs = pairs(only);
    Path probeClasses = Path.of(ColdStartProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String classPath = artifact.toAbsolutePath() + File.pathSeparator + probeClasses;
    Path logs = artifact.toAbsolutePath().getParent().resolve("coldstart");
    Files.createDirectories(logs);

    TableNames tables = DynamoDbLocal.createTables("ColdStart");
    try (DynamoDbClient client = DynamoDbLocal.client()) {
      new ConnectionStore(client, tables.connections(), Duration.ofHours(1), Clock.systemUTC())
          .create(CONNECTION_ID, "user-1", "tenant-1", "https://abc123.execute-api.us-east-1.amazonaws.com/prod",
              Map.of());
    }
    Map<String, String> env = new HashMap<>(Map.of(
        "REQUESTS_TABLE", tables.requests(),
        "CONNECTIONS_TABLE", tables.connections(),
        "DYNAMODB_ENDPOINT", DynamoDbLocal.endpoint().toString(),
        "AWS_REGION", DynamoDbLocal.REGION.id(),
        "AWS_ACCESS_KEY_ID", "streamertest",
        "AWS_SECRET_ACCESS_KEY", "streamertestsecret",
        "LOG_LEVEL", "WARN",
        // Lambda sets it in every environment; a fresh JVM is an on-demand start (SnapStart restores a snapshot)
        "AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand",
        "JWT_ALGORITHM", "HS256",
        "JWT_SECRET", SECRET));
    String token = JWT.create().withSubject("user-1").withClaim("tenant_id", "tenant-1")
        .withExpiresAt(Instant.now().plus(Duration.ofHours(2))).sign(Algorithm.HMAC256(SECRET));

    System.out.printf("artifact: %s (%,d bytes)%n", artifact, Files.size(artifact));
    System.out.printf("java: %s %s, %d rounds after one warm-up per variant, %d processors%n",
        System.getProperty("java.vendor"), System.getProperty("java.version"), runs,
        Runtime.getRuntime().availableProcessors());
    List<Variant> variants = variants().subList(0, Math.min(variantCount, 3));
    Map<Variant, Map<String, List<ChildRun.Timing>>> timings = new LinkedHashMap<>();
    for (int run = 0; run <= runs; run++) {
      for (int v = 0; v < variants.size(); v++) {
        Variant variant = variants.get((v + run) % variants.size()); // each variant first in turn
        Map<String, String> variantEnv = new HashMap<>(env);
        if (!variant.options().isEmpty()) {
          variantEnv.put(JavaToolOptions.VARIABLE, String.join(" ", variant.options()));
        }
        Map<String, List<ChildRun.Timing>> sides = timings.computeIfAbsent(variant, k -> new LinkedHashMap<>());
        ChildRun.Timing bare = ChildRun.run(classPath, variantEnv, List.of(), Noop.class.getName(), List.of());
        if (run > 0) {
          sides.computeIfAbsent("bare JVM (Noop)", k -> new ArrayList<>()).add(bare);
        }
        for (Pair pair : pairs) {
          List<String> order = run % 2 == 0 ? List.of(pair.generated(), pair.handWritten())
              : List.of(pair.handWritten(), pair.generated());
          for (String handler : order) {
            ChildRun.Timing timing = ChildRun.run(classPath(classPath, pair, handler), variantEnv, List.of(),
                ColdStartProbe.class.getName(), probeArgs(pair, handler, run, token));
            if (run > 0) {
              sides.computeIfAbsent(label(pair, handler), k -> new ArrayList<>()).add(timing);
            }
          }
        }
      }
    }
    List<String[]> labels = pairs.stream()
        .map(p -> new String[] {label(p, p.generated()), label(p, p.handWritten())}).toList();
    Map<String, long[]> summary = new LinkedHashMap<>();
    for (Variant variant : variants) {
      ColdStartReport.variant(variant, timings.get(variant), labels, summary);
    }
    ColdStartReport.variantSummary(summary);

    Map<String, String> templateEnv = new HashMap<>(env);
    templateEnv.put(JavaToolOptions.VARIABLE, JavaToolOptions.value());
    for (Pair pair : pairs) {
      Map<String, ClassLoads> loads = new LinkedHashMap<>();
      for (String handler : List.of(pair.generated(), pair.handWritten())) {
        // the JDK loads its whole security-provider list in some runs and not in others (about 20 classes, on
        // either side): a side counts the classes all of its CLASS_RUNS runs loaded
        List<ClassLoads> logged = new ArrayList<>();
        for (int k = 0; k < CLASS_RUNS; k++) {
          Path log = logs.resolve(pair.name().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "") + "-"
              + handler.substring(handler.lastIndexOf('.') + 1) + (k == 0 ? "" : "-" + k) + ".classes");
          Files.deleteIfExists(log);
          ChildRun.Timing timing = ChildRun.run(classPath(classPath, pair, handler), templateEnv,
              List.of(ClassLoads.logOption(log)), ColdStartProbe.class.getName(),
              probeArgs(pair, handler, k, token));
          logged.add(ClassLoads.read(log));
          if (k == 0) {
            System.out.printf("reply of %s: %s%n", label(pair, handler), timing.reply());
          }
        }
        ClassLoads common = ClassLoads.common(logged);
        System.out.printf("classes of %s in %d runs: %s, loaded in every run: %d%n", label(pair, handler),
            CLASS_RUNS, logged.stream().map(ClassLoads::total).toList(), common.total());
        loads.put(label(pair, handler), common);
      }
      ColdStartReport.classes(pair.name(), loads);
      Path difference = logs.resolve(pair.name().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "")
          + "-difference.txt");
      List<ClassLoads> sides = List.copyOf(loads.values());
      Files.write(difference, sides.get(0).differenceLines(sides.get(1)));
      System.out.printf("every class of the difference (generated + / hand-written -): %s%n", difference);
    }
    System.exit(0);
  }

  /** The pairs named in {@code only} (comma-separated keys: default, connect-jose4j, connect-java-jwt), or all. */
  private static List<Pair> pairs(String only) {
    if (only.equals("all")) {
      return PAIRS;
    }
    List<String> keys = List.of(only.split(","));
    List<Pair> chosen = PAIRS.stream().filter(p -> keys.contains(p.key())).toList();
    if (chosen.size() != keys.size()) {
      throw new IllegalArgumentException("--pairs takes all or some of "
          + PAIRS.stream().map(Pair::key).toList() + ": " + only);
    }
    return chosen;
  }

  /** The jars (or directories) {@code classes} come from, as a class path. */
  private static String jarsOf(Class<?>... classes) {
    List<String> entries = new ArrayList<>();
    for (Class<?> type : classes) {
      try {
        entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
      } catch (java.net.URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  private static String classPath(String base, Pair pair, String handler) {
    return handler.equals(pair.handWritten()) && !pair.extraClassPath().isEmpty()
        ? base + File.pathSeparator + pair.extraClassPath() : base;
  }

  private static List<String> probeArgs(Pair pair, String handler, int run, String token) {
    return pair.mode().equals("connect")
        ? List.of("connect", handler, "cold-connect-" + run, token) // the item is replaced each time
        : List.of("message", handler, CONNECTION_ID);
  }

  private static String label(Pair pair, String handler) {
    return pair.name() + (handler.equals(pair.generated()) ? " generated" : " hand-written");
  }
}
