package dev.streamer.maven.run;

import dev.streamer.local.LocalStack;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * {@code mvn streamer:run} inside the stack's class loader: starts the application's generated handlers on a
 * {@link LocalStack}, and when its class output changes (a {@code mvn compile} elsewhere), loads the new classes in
 * a new class loader and replaces the handlers on the same stack: DynamoDB Local, its tables, the gateway and its
 * connections stay. Runs until Ctrl-C (a shutdown hook closes the stack), the stop file appears, or at once after
 * start with {@code exitAfterStart}.
 *
 * <p>The mojo calls {@link #run(Map, List)} reflectively with JDK types only: this class and the stack are loaded
 * by a class loader of the project's class path, not by Maven's plugin realm.
 */
public final class DevServer {

  /** Option names of {@link #run}; {@code env.<NAME>} entries become the handlers' environment variables. */
  public static final String APP = "app";
  public static final String PORT = "port";
  public static final String WATCH = "watch";
  public static final String READY_FILE = "readyFile";
  public static final String STOP_FILE = "stopFile";
  public static final String EXIT_AFTER_START = "exitAfterStart";
  public static final String ENV_PREFIX = "env.";

  private static final long POLL_MILLIS = 400;
  /** Polls a failing reload is retried for (a compilation writing its last files): about 2 s. */
  private static final int RELOAD_ATTEMPTS = 5;

  private final Map<String, String> options;
  private final List<Path> directories;
  private final PrintStream out = System.out;
  private LocalStack stack;
  private LoadedApp app;
  private CurrentApp current;
  private final AtomicInteger reloads = new AtomicInteger();

  private DevServer(Map<String, String> options, List<Path> directories) {
    this.options = options;
    this.directories = directories;
  }

  /**
   * Runs until stopped.
   *
   * @param options     see the constants; all optional
   * @param directories the application's class output directories (main, then test), as paths
   */
  public static void run(Map<String, String> options, List<String> directories) throws InterruptedException {
    new DevServer(Map.copyOf(options), directories.stream().map(Path::of).toList()).serve();
  }

  private void serve() throws InterruptedException {
    ClassLoader stackLoader = DevServer.class.getClassLoader();
    app = LoadedApp.load(existing(), stackLoader, options.get(APP));
    current = new CurrentApp(stackLoader, app.loader);
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(current); // the stack's threads inherit it; the console reads the app through it
    Thread hook = new Thread(this::stop, "streamer-run-shutdown");
    try {
      stack = app.handlers.wire(LocalStack.builder())
          .port(Integer.parseInt(options.getOrDefault(PORT, "8080")))
          .app(app.lowerCaseName())
          .exampleRequest(app.exampleRequest())
          .environment(environment())
          .banner(out)
          .start();
      Runtime.getRuntime().addShutdownHook(hook);
      writeReadyFile();
      if (!Boolean.parseBoolean(options.get(EXIT_AFTER_START))) {
        out.println("[streamer] " + app.manifest.appName() + " runs its handlers from " + directories.get(0)
            + (watching() ? "; they are reloaded when it is recompiled (mvn compile)" : "") + ". Ctrl-C stops.");
        loop();
      }
    } finally {
      stop();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException | IllegalArgumentException e) {
        // shutting down already, or the hook was never added
      }
      thread.setContextClassLoader(previous);
    }
  }

  private void loop() throws InterruptedException {
    ClassesWatch watch = watching() ? new ClassesWatch(directories) : null;
    Path stopFile = options.containsKey(STOP_FILE) ? Path.of(options.get(STOP_FILE)) : null;
    int attempts = 0; // of the reload of the last change; a compilation may still be writing when one starts
    while (stopFile == null || !Files.exists(stopFile)) {
      Thread.sleep(POLL_MILLIS);
      if (watch == null) {
        continue;
      }
      if (watch.changedAndSettled()) {
        attempts = RELOAD_ATTEMPTS;
      }
      if (attempts > 0) {
        attempts = reload(--attempts == 0) ? 0 : attempts;
      }
    }
    out.println("[streamer] stop file " + stopFile + " found: stopping");
  }

  /**
   * Loads the new compilation and swaps the handlers; on any failure the previous handlers keep running, and the
   * failure is reported when {@code last} (else the next poll tries again).
   */
  private boolean reload(boolean last) {
    long start = System.nanoTime();
    LoadedApp next;
    try {
      next = LoadedApp.load(existing(), DevServer.class.getClassLoader(), app.manifest.appName());
      stack.replaceHandlers(next.handlers.wire(LocalStack.builder()));
    } catch (RuntimeException | LinkageError e) {
      if (last) {
        out.println("[streamer] classes changed, but the handlers were not reloaded (the previous ones keep"
            + " running): " + e);
      }
      return false;
    }
    current.replace(next.loader);
    app = next; // the previous loader is left to the garbage collector: running invocations may still load from it
    reloads.incrementAndGet();
    out.printf("[streamer] classes changed: handlers reloaded in %d ms (%d actions: %s); %d connections kept%n",
        (System.nanoTime() - start) / 1_000_000, next.manifest.actions().size(),
        next.manifest.actions().stream().map(a -> a.name()).collect(Collectors.joining(", ")),
        stack.connections().size());
    writeReadyFile();
    return true;
  }

  private synchronized void stop() {
    if (stack != null) {
      out.println("[streamer] stopping the local stack");
      stack.close();
      stack = null;
    }
  }

  private boolean watching() {
    return Boolean.parseBoolean(options.getOrDefault(WATCH, "true"));
  }

  private List<Path> existing() {
    return directories.stream().filter(Files::isDirectory).toList();
  }

  private Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    options.forEach((key, value) -> {
      if (key.startsWith(ENV_PREFIX)) {
        env.put(key.substring(ENV_PREFIX.length()), value);
      }
    });
    return env;
  }

  /** Where the stack listens, for scripts and tests: a properties file, replaced whole after start and each reload. */
  private void writeReadyFile() {
    String file = options.get(READY_FILE);
    if (file == null) {
      return;
    }
    Properties p = new Properties();
    p.setProperty("app", app.manifest.appName());
    p.setProperty("webSocketUri", stack.webSocketUri().toString());
    p.setProperty("consoleUri", String.valueOf(stack.consoleUri()));
    p.setProperty("token", stack.devToken());
    p.setProperty("exampleRequest", String.valueOf(app.exampleRequest()));
    p.setProperty("reloads", String.valueOf(reloads.get()));
    Path target = Path.of(file).toAbsolutePath();
    try {
      Files.createDirectories(target.getParent());
      Path temporary = Files.createTempFile(target.getParent(), "ready", ".tmp");
      try (OutputStream stream = Files.newOutputStream(temporary)) {
        p.store(stream, "mvn streamer:run");
      }
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
