package dev.streamer.maven;

import dev.streamer.deploy.app.DeployedApp;
import dev.streamer.deploy.artifact.LambdaJarPruner;
import dev.streamer.deploy.sam.SamTemplate;
import dev.streamer.maven.lambda.ArchiveRule;
import dev.streamer.maven.lambda.LambdaJar;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Writes the application's Lambda jar and its SAM template (bound to {@code package}): the jar merges the project's
 * jar with its compile and runtime dependencies ({@link dev.streamer.maven.lambda.LambdaJarRules} leave out what
 * no function reads); the template is generated from the manifest the processor wrote into the class output, with
 * the jar as every function's {@code CodeUri}. No application class is loaded.
 */
@Mojo(name = "sam", defaultPhase = LifecyclePhase.PACKAGE, requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true)
public final class SamMojo extends AbstractMojo {

  private static final Set<String> PACKAGED_SCOPES = Set.of(Artifact.SCOPE_COMPILE, Artifact.SCOPE_RUNTIME);

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  /** The application ({@code -Astreamer.app}); default: the only one whose manifest is in the class output. */
  @Parameter(property = "streamer.app")
  private String app;

  /** Where the SAM template goes. */
  @Parameter(property = "streamer.template", defaultValue = "${project.build.directory}/sam/template.yaml")
  private File template;

  /** Where the Lambda jar goes. */
  @Parameter(property = "streamer.lambdaJar", defaultValue = "${project.build.directory}/${project.artifactId}-lambda.jar")
  private File lambdaJar;

  /**
   * More entry rules for the Lambda jar, after the built-in ones (same shape as the shade plugin's
   * {@code <filter>}: {@code artifact}, {@code includes}, {@code excludes}); includes for an artifact add up.
   */
  @Parameter
  private List<ArchiveRule> filters = new ArrayList<>();

  /** More dependencies to leave out of the Lambda jar, as {@code groupId:artifactId} ({@code *} matches any). */
  @Parameter
  private List<String> excludeArtifacts = new ArrayList<>();

  @Parameter(property = "streamer.sam.skip", defaultValue = "false")
  private boolean skip;

  /**
   * Removes from the Lambda jar the AWS SDK classes no code path loads: what only operations nothing in the jar calls
   * use, and unreferenced classes of the SDK's generated per-service packages ({@code LambdaJarPruner} of
   * streamer-deploy), then loads and links every remaining service class in a fresh JVM and fails the build if one
   * does not. {@code false} keeps every class: needed when code reaches the SDK by reflection (a
   * {@code java.lang.reflect.Proxy} over a client interface, {@code getMethods()} on it), or when SDK code outside the
   * jar (a Lambda layer) calls operations the jar does not.
   */
  @Parameter(property = "streamer.pruneSdk", defaultValue = "true")
  private boolean pruneSdk;

  @Override
  public void execute() throws MojoExecutionException {
    if (skip) {
      getLog().info("streamer:sam skipped");
      return;
    }
    Path classes = Path.of(project.getBuild().getOutputDirectory());
    DeployedApp deployed = deployedApp(classes);
    try {
      List<LambdaJar.Input> merged = LambdaJar.write(lambdaJar, inputs(classes), filters, excludeArtifacts);
      if (pruneSdk) {
        getLog().info("Lambda jar: " + LambdaJarPruner.prune(lambdaJar.toPath()));
      }
      getLog().info(String.format("Lambda jar of %s: %s (%,d bytes, %d jars merged)", deployed.appName(), lambdaJar,
          Files.size(lambdaJar.toPath()), merged.size()));
      Path out = template.toPath().toAbsolutePath().normalize();
      Files.createDirectories(out.getParent());
      String codeUri = out.getParent().relativize(lambdaJar.toPath().toAbsolutePath().normalize()).toString()
          .replace('\\', '/');
      Files.writeString(out, SamTemplate.yaml(deployed, codeUri), StandardCharsets.UTF_8);
      getLog().info("SAM template of " + deployed.appName() + ": " + out);
    } catch (IOException e) {
      throw new MojoExecutionException("writing the Lambda jar or SAM template failed: " + e.getMessage(), e);
    }
  }

  private DeployedApp deployedApp(Path classes) throws MojoExecutionException {
    if (!Files.isDirectory(classes)) {
      throw new MojoExecutionException("no class output " + classes + ": run streamer:sam in the package phase");
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        ClassLoader.getPlatformClassLoader())) {
      return DeployedApp.find(loader, app);
    } catch (IOException | RuntimeException e) {
      throw new MojoExecutionException("cannot read the application's manifest (META-INF/streamer/<app>-manifest"
          + ".json) in " + classes + ": " + e.getMessage() + ". Is dev.streamer:streamer-processor on the"
          + " annotation processor path?", e);
    }
  }

  /** The project's jar (or its class output, jarred, when there is none yet) and its runtime dependencies. */
  private List<LambdaJar.Input> inputs(Path classes) throws IOException {
    List<LambdaJar.Input> inputs = new ArrayList<>();
    File own = project.getArtifact().getFile();
    if (own == null || !own.isFile()) {
      own = ClassesJar.write(classes, Path.of(project.getBuild().getDirectory(), "streamer", "classes.jar"))
          .toFile();
    }
    inputs.add(new LambdaJar.Input(project.getGroupId(), project.getArtifactId(), own, true));
    for (Artifact artifact : project.getArtifacts()) {
      if (PACKAGED_SCOPES.contains(artifact.getScope()) && artifact.getArtifactHandler().isAddedToClasspath()
          && artifact.getFile() != null) {
        inputs.add(new LambdaJar.Input(artifact.getGroupId(), artifact.getArtifactId(), artifact.getFile(), false));
      }
    }
    return inputs;
  }
}
