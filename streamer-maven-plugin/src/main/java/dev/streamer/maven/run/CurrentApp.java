package dev.streamer.maven.run;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Enumeration;
import java.util.Objects;

/**
 * The context class loader of the local stack's threads: the stack's class path first, then the application's
 * current class loader, which a reload replaces. Whatever finds the application through the context class loader
 * (the dev console's documents, libraries that look up classes by name) sees the latest compilation.
 */
final class CurrentApp extends ClassLoader {

  static {
    registerAsParallelCapable();
  }

  private volatile URLClassLoader current;

  CurrentApp(ClassLoader stack, URLClassLoader first) {
    super("streamer-current-app", stack);
    this.current = Objects.requireNonNull(first);
  }

  void replace(URLClassLoader next) {
    this.current = Objects.requireNonNull(next);
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    return current.loadClass(name);
  }

  @Override
  protected URL findResource(String name) {
    return current.findResource(name);
  }

  @Override
  protected Enumeration<URL> findResources(String name) throws IOException {
    return current.findResources(name);
  }
}
