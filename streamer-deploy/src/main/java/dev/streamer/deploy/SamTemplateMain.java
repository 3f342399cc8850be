package dev.streamer.deploy;

import dev.streamer.deploy.app.DeployedApp;
import dev.streamer.deploy.sam.SamTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes an application's SAM template.
 *
 * <pre>
 * SamTemplateMain --out target/sam/template.yaml [--app Sample] [--artifact target/sample-app-lambda.jar]
 * </pre>
 *
 * The application is described by the manifest the processor wrote into the class output
 * ({@code META-INF/streamer/<app>-manifest.json}), read from this JVM's class path (Maven's {@code exec:java} gives
 * it the project's); without {@code --app} it must be the only one there. No application class is loaded. The
 * template's {@code CodeUri} is the artifact's path relative to the template's directory.
 */
public final class SamTemplateMain {

  private SamTemplateMain() {}

  public static void main(String[] args) throws IOException {
    String appName = null;
    Path out = null;
    Path artifact = null;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--app" -> appName = required(args[i], value);
        case "--out" -> out = Path.of(required(args[i], value));
        case "--artifact" -> artifact = Path.of(required(args[i], value));
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "; usage: --out <template.yaml> "
            + "[--app <name>] [--artifact <jar>]");
      }
      i++;
    }
    if (out == null) {
      throw new IllegalArgumentException("--out is required");
    }
    DeployedApp app = DeployedApp.find(Thread.currentThread().getContextClassLoader(), appName);
    Path target = out.toAbsolutePath().normalize();
    String codeUri = artifact == null ? "app.jar"
        : target.getParent().relativize(artifact.toAbsolutePath().normalize()).toString().replace('\\', '/');
    Files.createDirectories(target.getParent());
    Files.writeString(target, SamTemplate.yaml(app, codeUri), StandardCharsets.UTF_8);
    System.out.println("[streamer] SAM template of " + app.appName() + " written to " + target);
  }

  private static String required(String option, String value) {
    if (value == null || value.startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return value;
  }
}
