package dev.streamer.samples.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamer.deploy.sam.ParsedTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the build put the artifact and the template (passed by the pom to the packaged-artifact tests). */
final class BuildOutputs {

  private BuildOutputs() {}

  static Path artifact() {
    return existing("streamer.artifact");
  }

  static Path template() {
    return existing("streamer.template");
  }

  static Path golden() {
    return Path.of(property("streamer.golden"));
  }

  /** SDK global interceptor registration, added to a child JVM's class path to record AWS calls. */
  static Path interceptors() {
    return existing("streamer.interceptors");
  }

  /** This module's compiled test classes (the probes run in child JVMs). */
  static Path testClasses() {
    try {
      return Path.of(BuildOutputs.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static String templateText() {
    try {
      return Files.readString(template());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ParsedTemplate parsedTemplate() {
    return ParsedTemplate.parse(templateText());
  }

  private static Path existing(String property) {
    Path path = Path.of(property(property));
    assertTrue(Files.exists(path), property + ": " + path + " does not exist (run mvn package)");
    return path;
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException("system property " + name + " is not set: run these tests through Maven");
    }
    return value;
  }
}
