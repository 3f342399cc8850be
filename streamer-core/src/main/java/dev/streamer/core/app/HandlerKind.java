package dev.streamer.core.app;

/**
 * The AWS Lambda functions of a Streamer application, one generated handler class each, named
 * {@code <App><suffix>} in the application's package ({@code SampleDefaultHandler}).
 *
 * <p>The one definition of these names: the processor generates the classes from it, the SAM template names its
 * functions and roles after it, and the runtime lists the environment variables each kind reads by it.
 */
public enum HandlerKind {
  /** API Gateway WebSocket {@code $connect} route: authenticates and stores the connection. */
  CONNECT("ConnectHandler"),
  /** API Gateway WebSocket {@code $disconnect} route: forgets the connection. */
  DISCONNECT("DisconnectHandler"),
  /** API Gateway WebSocket {@code $default} route: routes each message. */
  DEFAULT("DefaultHandler"),
  /** DynamoDB stream of the requests table: runs queued requests. */
  STREAM_PROCESSOR("StreamProcessor"),
  /** Scheduled sweeper: re-drives due retries and expired leases. */
  SWEEPER("Sweeper"),
  /**
   * Runs one request of an isolated action ({@code @Action(isolated = true)}) in its own invocation, invoked
   * asynchronously by the stream processor. Optional: generated only for an application with an isolated action.
   */
  WORKER("WorkerHandler");

  private final String classSuffix;

  HandlerKind(String classSuffix) {
    this.classSuffix = classSuffix;
  }

  /** Whether every application has this function; an optional one exists only when the application needs it. */
  public boolean required() {
    return this != WORKER;
  }

  /** Suffix of the generated class name after the application name: {@code DefaultHandler}. */
  public String classSuffix() {
    return classSuffix;
  }

  /** Simple name of the generated class of application {@code appName}: {@code SampleDefaultHandler}. */
  public String className(String appName) {
    return appName + classSuffix;
  }
}
