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
 * SamTemplateMain --route-table dev.streamer.samples.SampleRouteTable --out target/sam/template.yaml
 *                 [--artifact target/sample-app-lambda.jar]
 * </pre>
 *
 * The route table and the handler classes are looked up on this JVM's class path (Maven's {@code exec:java} gives
 * it the project's). The template's {@code CodeUri} is the artifact's path relative to the template's directory.
 */
public final class SamTemplateMain {

  private SamTemplateMain() {}

  public static void main(String[] args) throws IOException {
    String routeTable = null;
    Path out = null;
    Path artifact = null;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--route-table" -> routeTable = required(args[i], value);
        case "--out" -> out = Path.of(required(args[i], value));
        case "--artifact" -> artifact = Path.of(required(args[i], value));
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "; usage: --route-table <class> "
            + "--out <template.yaml> [--artifact <jar>]");
      }
      i++;
    }
    if (routeTable == null || out == null) {
      throw new IllegalArgumentException("--route-table and --out are required");
    }
    DeployedApp app = DeployedApp.load(routeTable, Thread.currentThread().getContextClassLoader());
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
