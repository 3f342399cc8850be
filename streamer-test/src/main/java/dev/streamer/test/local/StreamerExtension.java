package dev.streamer.test.local;

import dev.streamer.client.StreamerClient;
import dev.streamer.core.routing.RouteTable;
import dev.streamer.local.AppHandlers;
import dev.streamer.local.LocalStack;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link StreamerTest}: starts the application's generated handlers on a
 * {@link LocalStack} (once per JVM for each application and environment, see {@link StreamerTest}), resolves
 * {@link TestStack} and {@link StreamerClient} parameters, and closes the clients it opened.
 */
public final class StreamerExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(StreamerExtension.class);
  private static final String STACK = "stack";
  /** Variables every test stack sets unless the test gives its own: handler logs only for warnings and errors. */
  private static final Map<String, String> DEFAULT_ENVIRONMENT = Map.of("LOG_LEVEL", "WARN");

  @Override
  public void beforeAll(ExtensionContext context) {
    // remembered for afterAll, which must not parse the settings again (a wrong one already failed the class); the
    // TestStack, not the AutoCloseable Running: the class's store is closed when the class ends, the stack is not
    context.getStore(NAMESPACE).put(STACK, stack(context).testStack());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    TestStack stack = context.getStore(NAMESPACE).get(STACK, TestStack.class);
    if (stack != null) { // null when it failed to start: nothing to close, and no second try
      stack.closeClients();
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
    // one stack per application and environment, kept until the test run ends: starting one takes seconds
    ExtensionContext.Store root = context.getRoot().getStore(NAMESPACE);
    synchronized (StreamerExtension.class) {
      Running running = root.get(key, Running.class);
      if (running == null) {
        running = new Running(start(key));
        root.put(key, running);
      }
      return running;
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
  private record Key(Class<? extends RouteTable> table, Map<String, String> environment) {}

  /** A stack of the test run, closed by JUnit with the root store. */
  private static final class Running implements AutoCloseable {
    private final LocalStack stack;
    private final TestStack testStack;

    Running(LocalStack stack) {
      this.stack = stack;
      this.testStack = new TestStack(stack);
    }

    TestStack testStack() {
      return testStack;
    }

    @Override
    public void close() {
      testStack.closeClients();
      stack.close();
    }
  }
}
