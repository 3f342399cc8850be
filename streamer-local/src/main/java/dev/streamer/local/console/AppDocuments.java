package dev.streamer.local.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The documents the annotation processor wrote for the application, read from the class path:
 * {@code META-INF/streamer/<app>-asyncapi.json} and the JavaScript client {@code META-INF/streamer/js/<app>-client.js}.
 * {@code <app>} is the lower-case application name; when none is configured, the one AsyncAPI document found on the
 * class path names it.
 */
public final class AppDocuments {

  static final String FOLDER = "META-INF/streamer/";
  static final String ASYNCAPI_SUFFIX = "-asyncapi.json";

  private final ClassLoader loader;
  private final String app;

  private AppDocuments(ClassLoader loader, String app) {
    this.loader = loader;
    this.app = app;
  }

  /**
   * @param app the lower-case application name, or null to find it: the only {@code *-asyncapi.json} under
   *     {@code META-INF/streamer/} (none, or several and no name given, leaves the console without actions)
   */
  public static AppDocuments find(ClassLoader loader, String app) {
    return new AppDocuments(loader, app != null ? app : discover(loader).orElse(null));
  }

  /** The application name, if known. */
  public Optional<String> app() {
    return Optional.ofNullable(app);
  }

  public Optional<byte[]> asyncApi() {
    return app == null ? Optional.empty() : read(FOLDER + app + ASYNCAPI_SUFFIX);
  }

  public Optional<byte[]> javaScriptClient() {
    return app == null ? Optional.empty() : read(FOLDER + "js/" + app + "-client.js");
  }

  private Optional<byte[]> read(String name) {
    try (InputStream in = loader.getResourceAsStream(name)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Optional<String> discover(ClassLoader loader) {
    TreeSet<String> names = new TreeSet<>();
    try {
      Enumeration<URL> folders = loader.getResources(FOLDER);
      while (folders.hasMoreElements()) {
        collect(folders.nextElement(), names);
      }
    } catch (IOException | URISyntaxException e) {
      return Optional.empty();
    }
    return names.size() == 1 ? Optional.of(names.first()) : Optional.empty();
  }

  private static void collect(URL folder, TreeSet<String> names) throws IOException, URISyntaxException {
    if ("file".equals(folder.getProtocol())) {
      try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
        files.map(f -> f.getFileName().toString()).forEach(n -> add(n, names));
      }
    } else if ("jar".equals(folder.getProtocol())) {
      JarURLConnection connection = (JarURLConnection) folder.openConnection();
      connection.setUseCaches(false);
      try (JarFile jar = connection.getJarFile()) {
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
          String name = entries.nextElement().getName();
          if (name.startsWith(FOLDER) && name.indexOf('/', FOLDER.length()) < 0) {
            add(name.substring(FOLDER.length()), names);
          }
        }
      }
    }
  }

  private static void add(String fileName, TreeSet<String> names) {
    if (fileName.endsWith(ASYNCAPI_SUFFIX) && fileName.length() > ASYNCAPI_SUFFIX.length()) {
      names.add(fileName.substring(0, fileName.length() - ASYNCAPI_SUFFIX.length()));
    }
  }
}
