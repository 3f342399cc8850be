package dev.streamer.samples.local;

import dev.streamer.local.LocalStack;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the sample app on the local stack: its generated handlers, DynamoDB Local in this JVM, a WebSocket gateway on
 * localhost. Prints how to connect and runs until Ctrl-C.
 *
 * <pre>
 * SampleLocalMain [--demo] [--port N] [--dynamodb-endpoint URL]
 *   --demo                 run a scripted client session instead (echo, an async report with a live progress bar,
 *                          a validation error, a status lookup), then exit: 0 when everything went as expected
 *   --port N               gateway port (default: 8080, or a free port when 8080 is taken; the demo uses a free port)
 *   --dynamodb-endpoint U  use a running DynamoDB Local (started with -sharedDb) instead of one in this JVM
 * </pre>
 */
public final class SampleLocalMain {

  private static final int DEFAULT_PORT = 8080;
  // held so that the JDK's weakly referenced loggers keep their levels
  private static final Logger[] QUIETED = {Logger.getLogger("com.amazonaws"), Logger.getLogger("org.eclipse.jetty")};

  private SampleLocalMain() {}

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println("usage: SampleLocalMain [--demo] [--port N] [--dynamodb-endpoint URL]");
      System.exit(2);
      return;
    }
    QUIETED[0].setLevel(Level.SEVERE); // DynamoDB Local's SDK v1 warns about JAXB on every start
    QUIETED[1].setLevel(Level.WARNING);
    if (options.demo) {
      System.exit(demo(options));
    }
    serve(options);
  }

  /** Interactive: start, print the banner and the sample actions, wait for Ctrl-C. */
  private static void serve(Options options) throws InterruptedException {
    LocalStack stack;
    try {
      stack = start(options, options.port == null ? DEFAULT_PORT : options.port, System.out);
    } catch (IllegalStateException portTaken) {
      if (options.port != null) {
        throw portTaken;
      }
      System.out.println("Port " + DEFAULT_PORT + " is taken; using a free port instead.");
      stack = start(options, 0, System.out);
    }
    System.out.println(howToConnect(stack));
    CountDownLatch stopped = new CountDownLatch(1);
    LocalStack running = stack;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("Stopping the local stack…");
      running.close();
      stopped.countDown();
    }, "sample-local-shutdown"));
    stopped.await();
  }

  /** Demo: handler logs go to a file, the console shows the scripted session. */
  private static int demo(Options options) throws IOException {
    PrintStream console = System.out;
    Path logFile = Path.of("sample-local-demo.log").toAbsolutePath();
    try (PrintStream handlerLogs = new PrintStream(new FileOutputStream(logFile.toFile()), true,
        StandardCharsets.UTF_8)) {
      System.setOut(handlerLogs); // the handlers' JSON log lines and metrics
      try (LocalStack stack = start(options, options.port == null ? 0 : options.port, null)) {
        console.println("Local stack up: " + stack.webSocketUri() + " (handler logs: " + logFile + ")");
        return new DemoSession(stack.webSocketUri(), stack.devToken(),
            stack.mintToken("dev-colleague", "dev-tenant", java.time.Duration.ofHours(1)), console).run();
      } catch (RuntimeException e) {
        console.println("The demo could not run: " + e);
        e.printStackTrace(console);
        return 1;
      } finally {
        System.setOut(console);
      }
    }
  }

  private static LocalStack start(Options options, int port, PrintStream banner) {
    LocalStack.Builder builder = SampleStack.builder()
        .port(port)
        .banner(banner)
        .exampleRequest("{\"id\":\"1\",\"action\":\"echo\",\"payload\":{\"message\":\"hello\"}}")
        .environment(Map.of("SERVICE_NAME", "sample"));
    if (options.dynamoDbEndpoint != null) {
      builder.dynamoDbEndpoint(options.dynamoDbEndpoint);
    }
    return builder.start();
  }

  private static String howToConnect(LocalStack stack) {
    String nl = System.lineSeparator();
    return " Sample actions (send one JSON message per request):" + nl
        + "   {\"id\":\"1\",\"action\":\"echo\",\"payload\":{\"message\":\"hello\"}}" + nl
        + "   {\"id\":\"2\",\"action\":\"generate_report\",\"payload\":{\"startDate\":\"2024-01-01\","
        + "\"endDate\":\"2024-12-31\",\"recordCount\":5000}}" + nl
        + "   {\"id\":\"3\",\"action\":\"status\",\"payload\":{\"requestId\":\"<requestId from the ack>\"}}" + nl
        + " Or run the scripted Java-client session: mvn -B -q -pl samples/local -am -DskipTests -Pdemo verify" + nl
        + " Press Ctrl-C to stop." + nl;
  }

  /** Command-line options. */
  static final class Options {
    boolean demo;
    Integer port;
    URI dynamoDbEndpoint;

    static Options parse(String[] args) {
      Options options = new Options();
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "" -> { } // an empty -Dsample.args
          case "--demo" -> options.demo = true;
          case "--port" -> options.port = Integer.valueOf(value(args, ++i, "--port"));
          case "--dynamodb-endpoint" -> options.dynamoDbEndpoint = URI.create(value(args, ++i, "--dynamodb-endpoint"));
          default -> throw new IllegalArgumentException("unknown option: " + args[i]);
        }
      }
      return options;
    }

    private static String value(String[] args, int index, String option) {
      if (index >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[index];
    }
  }
}
