package dev.streamer.test.local;

import dev.streamer.client.StreamerClient;
import dev.streamer.core.routing.RouteTable;
import dev.streamer.local.LocalStack;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link StreamerTest}: starts the application's generated handlers on a
 * {@link LocalStack} (once per JVM and application, see {@link StreamerTest}), resolves {@link TestStack} and
 * {@link StreamerClient} parameters, and closes the clients it opened.
 */
public final class StreamerExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(StreamerExtension.class);
  private static final String STACK = "stack";
  /** Variables every test stack sets unless the test gives its own: handler logs only for warnings and errors. */
  private static final Map<String, String> DEFAULT_ENVIRONMENT = Map.of("LOG_LEVEL", "WARN");

  /** Applications whose stack was stopped in this JVM: their handler classes still point at it. */
  private static final Set<String> STOPPED = ConcurrentHashMap.newKeySet();

  @Override
  public void beforeAll(ExtensionContext context) {
    stack(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Running running = context.getRoot().getStore(NAMESPACE).get(STACK, Running.class);
    if (running != null) { // null when it failed to start: nothing to close, and no second try
      running.testStack().closeClients();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == TestStack.class || type == StreamerClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    TestStack stack = stack(context).testStack();
    if (parameter.getParameter().getType() == TestStack.class) {
      return stack;
    }
    StreamerClient client = stack.client(TestStack.USER, TestStack.TENANT).build();
    // closed when the test (or, for a @BeforeAll parameter, the class) ends
    context.getStore(NAMESPACE).put(new Object(), (AutoCloseable) client::close);
    StreamerAssertions.awaitResult(client.connect().thenApply(v -> ""), "connecting " + TestStack.USER);
    return client;
  }

  private static Running stack(ExtensionContext context) {
    StreamerTest settings = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), StreamerTest.class)
        .orElseThrow(() -> new ExtensionConfigurationException(
            context.getRequiredTestClass().getName() + " uses StreamerExtension without @StreamerTest"));
    Key key = new Key(settings.value(), environment(settings));
    ExtensionContext.Store root = context.getRoot().getStore(NAMESPACE);
    synchronized (StreamerExtension.class) {
      Running running = root.get(STACK, Running.class);
      if (running != null && running.key().equals(key)) {
        return running;
      }
      if (running != null) {
        if (running.key().app().equals(key.app())) {
          throw new ExtensionConfigurationException("application " + key.app() + " already runs with "
              + running.key().environment() + ", not " + key.environment() + ": its generated handlers are"
              + " configured once per JVM, so give all its test classes the same @StreamerTest settings (or run"
              + " them in another fork)");
        }
        root.remove(STACK);
        running.close();
      }
      if (STOPPED.contains(key.app())) {
        throw new ExtensionConfigurationException("the stack of " + key.app() + " was stopped earlier in this JVM"
            + " and its generated handlers cannot be configured again: run the test classes of one application"
            + " together, or each application in its own fork");
      }
      Running started = new Running(key, start(key));
      root.put(STACK, started);
      return started;
    }
  }

  private static LocalStack start(Key key) {
    Map<String, String> environment = new LinkedHashMap<>(DEFAULT_ENVIRONMENT);
    environment.putAll(key.environment());
    return AppHandlers.of(key.table()).verify()
        .wire(LocalStack.builder())
        .environment(environment)
        .banner(null)
        .start();
  }

  private static Map<String, String> environment(StreamerTest settings) {
    Map<String, String> environment = new LinkedHashMap<>();
    for (String entry : settings.environment()) {
      int equals = entry.indexOf('=');
      if (equals <= 0) {
        throw new ExtensionConfigurationException("@StreamerTest environment entries are NAME=value, not \""
            + entry + "\"; all: " + Arrays.toString(settings.environment()));
      }
      environment.put(entry.substring(0, equals).trim(), entry.substring(equals + 1));
    }
    return Map.copyOf(environment);
  }

  /** What identifies a running stack: the application and its handlers' environment. */
  private record Key(Class<? extends RouteTable> table, Map<String, String> environment) {
    String app() {
      return table.getName();
    }
  }

  /** The stack of the test run, closed by JUnit with the root store (or when another application needs one). */
  private static final class Running implements AutoCloseable {
    private final Key key;
    private final LocalStack stack;
    private final TestStack testStack;

    Running(Key key, LocalStack stack) {
      this.key = key;
      this.stack = stack;
      this.testStack = new TestStack(stack);
    }

    Key key() {
      return key;
    }

    TestStack testStack() {
      return testStack;
    }

    @Override
    public void close() {
      STOPPED.add(key.app());
      testStack.closeClients();
      stack.close();
    }
  }
}
