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
  SWEEPER("Sweeper");

  private final String classSuffix;

  HandlerKind(String classSuffix) {
    this.classSuffix = classSuffix;
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
