package dev.streamer.runtime.aws.internal.observability;

import java.util.Map;

/**
 * The X-Ray trace of the current Lambda invocation. The Java runtime sets the system property
 * {@code com.amazonaws.xray.traceHeader} per invocation (the env variable {@code _X_AMZN_TRACE_ID} is only set once
 * per process, so the property wins). The header looks like {@code Root=1-5759e988-bd862e3fe1be46a994272793;
 * Parent=53995c3f42cd8ad8;Sampled=1}; the trace id is the Root part.
 */
public final class TraceHeader {

  public static final String SYSTEM_PROPERTY = "com.amazonaws.xray.traceHeader";
  public static final String ENV = "_X_AMZN_TRACE_ID";

  private TraceHeader() {}

  /** The current invocation's raw trace header, or null outside Lambda. */
  public static String current(Map<String, String> env) {
    String header = System.getProperty(SYSTEM_PROPERTY);
    if (header == null || header.isBlank()) {
      header = env.get(ENV);
    }
    return header == null || header.isBlank() ? null : header.trim();
  }

  /** The {@code Root} trace id of {@code header}, or null when there is none. */
  public static String rootTraceId(String header) {
    if (header == null) {
      return null;
    }
    for (String part : header.split(";")) {
      String trimmed = part.trim();
      if (trimmed.startsWith("Root=") && trimmed.length() > "Root=".length()) {
        return trimmed.substring("Root=".length());
      }
    }
    return null;
  }
}
