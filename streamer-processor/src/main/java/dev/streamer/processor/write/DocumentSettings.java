package dev.streamer.processor.write;

import java.util.Locale;

/**
 * Processor options that shape the generated documents (not the model): the API's version and the host named in
 * the AsyncAPI document's server.
 *
 * @param version       {@code -Astreamer.version}, the AsyncAPI {@code info.version}
 * @param asyncApiHost  {@code -Astreamer.asyncapi.host}, the host of the document's {@code wss} server
 */
public record DocumentSettings(String version, String asyncApiHost) {

  public static final String DEFAULT_VERSION = "0.1.0";
  public static final String DEFAULT_HOST = "example.execute-api.us-east-1.amazonaws.com";
  public static final DocumentSettings DEFAULTS = new DocumentSettings(DEFAULT_VERSION, DEFAULT_HOST);

  /** Where the AsyncAPI document goes in CLASS_OUTPUT: {@code META-INF/streamer/<app-lowercase>-asyncapi.json}. */
  public static String asyncApiPath(String appName) {
    return "META-INF/streamer/" + appName.toLowerCase(Locale.ROOT) + "-asyncapi.json";
  }

  /** Where the JavaScript client goes: {@code META-INF/streamer/js/<app-lowercase>-client.js}. */
  public static String clientModulePath(String appName) {
    return "META-INF/streamer/js/" + appName.toLowerCase(Locale.ROOT) + "-client.js";
  }

  /** Its typings: {@code META-INF/streamer/js/<app-lowercase>-client.d.ts}. */
  public static String clientTypingsPath(String appName) {
    return "META-INF/streamer/js/" + appName.toLowerCase(Locale.ROOT) + "-client.d.ts";
  }

  /** A host name (or host:port) without scheme or path; null when fine, else what is wrong. */
  public static String checkHost(String host) {
    if (host.isEmpty() || !host.matches("[A-Za-z0-9.\\-]+(:[0-9]{1,5})?")) {
      return "it must be a host name such as abc123.execute-api.eu-west-1.amazonaws.com, without scheme or path";
    }
    return null;
  }

  /** A non-blank version without control characters; null when fine, else what is wrong. */
  public static String checkVersion(String version) {
    if (version.isBlank() || !version.matches("[\\x21-\\x7e]+")) {
      return "it must be a version such as 1.2.0, without spaces";
    }
    return null;
  }
}
