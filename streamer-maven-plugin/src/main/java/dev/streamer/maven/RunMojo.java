package dev.streamer.maven;

import dev.streamer.maven.run.DevServer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.inject.Inject;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactDescriptorException;
import org.eclipse.aether.resolution.ArtifactDescriptorRequest;
import org.eclipse.aether.resolution.ArtifactDescriptorResult;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * Builds the application (up to {@code test-compile}) and runs its generated handlers on the local stack: DynamoDB
 * Local, the WebSocket gateway with the dev console on {@code http://localhost:<port>/}, the stream processor and
 * the sweeper. The handlers are reloaded when the classes are recompiled ({@code mvn compile} in another terminal);
 * DynamoDB and connected clients stay. Ctrl-C stops everything.
 *
 * <p>Class path: the project's test class path (its classes, test classes and every dependency) plus
 * {@code streamer-local} of this plugin's version when the project does not have it (a project's own version
 * wins), and an SLF4J binding when the project has none. The project's class output directories get a class loader
 * of their own, replaced at each reload.
 */
@Mojo(name = "run", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
@Execute(phase = LifecyclePhase.TEST_COMPILE)
public final class RunMojo extends AbstractMojo {

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  private MavenSession session;

  private final RepositorySystem repositorySystem;

  /** The application ({@code -Astreamer.app}); default: the only manifest in the class output. */
  @Parameter(property = "streamer.app")
  private String app;

  /** Port of the gateway and the dev console; 0 picks a free one. */
  @Parameter(property = "streamer.run.port", defaultValue = "8080")
  private int port;

  /** Whether to reload the handlers when the class output changes. */
  @Parameter(property = "streamer.run.watch", defaultValue = "true")
  private boolean watch;

  /** More environment variables for the handlers (e.g. {@code PROGRESS_INTERVAL}, {@code MAX_RETRIES}). */
  @Parameter
  private Map<String, String> environment = new LinkedHashMap<>();

  /**
   * A properties file written once the stack runs, and again after each reload ({@code webSocketUri},
   * {@code consoleUri}, {@code token}, {@code exampleRequest}, {@code reloads}): for scripts and tests.
   */
  @Parameter(property = "streamer.run.readyFile")
  private File readyFile;

  /** Stops when this file exists (checked a few times a second): for scripts and tests. */
  @Parameter(property = "streamer.run.stopFile")
  private File stopFile;

  /** Stops right after start (the banner and the ready file are written): a smoke check of the set-up. */
  @Parameter(property = "streamer.run.exitAfterStart", defaultValue = "false")
  private boolean exitAfterStart;

  @Inject
  public RunMojo(RepositorySystem repositorySystem) {
    this.repositorySystem = repositorySystem;
  }

  @Override
  public void execute() throws MojoExecutionException {
    List<String> directories = List.of(project.getBuild().getOutputDirectory(),
        project.getBuild().getTestOutputDirectory());
    Map<String, String> options = new LinkedHashMap<>();
    if (app != null) {
      options.put(DevServer.APP, app);
    }
    options.put(DevServer.PORT, String.valueOf(port));
    options.put(DevServer.WATCH, String.valueOf(watch));
    options.put(DevServer.EXIT_AFTER_START, String.valueOf(exitAfterStart));
    if (readyFile != null) {
      options.put(DevServer.READY_FILE, readyFile.getAbsolutePath());
    }
    if (stopFile != null) {
      options.put(DevServer.STOP_FILE, stopFile.getAbsolutePath());
    }
    environment.forEach((name, value) -> options.put(DevServer.ENV_PREFIX + name, value));
    // not closed when the server returns: DynamoDB Local's SQLite threads still load classes while they wind down
    URLClassLoader stack = new URLClassLoader("streamer-stack", stackClassPath(), ClassLoader.getPlatformClassLoader());
    try {
      Class<?> server = Class.forName(DevServer.class.getName(), true, stack);
      if (server.getClassLoader() != stack) {
        throw new MojoExecutionException("the dev server was not loaded from the stack's class path");
      }
      server.getMethod("run", Map.class, List.class).invoke(null, options, directories);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        return;
      }
      throw new MojoExecutionException("streamer:run failed: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new MojoExecutionException("streamer:run could not start: " + e, e);
    }
  }

  /** The project's dependencies, then what the local stack needs that the project lacks, then this plugin's jar. */
  private URL[] stackClassPath() throws MojoExecutionException {
    Map<String, File> byKey = new LinkedHashMap<>();
    boolean binding = false;
    Properties versions = versions();
    String slf4j = versions.getProperty("slf4j.version");
    for (Artifact artifact : project.getArtifacts()) {
      if (artifact.getArtifactHandler().isAddedToClasspath() && artifact.getFile() != null) {
        byKey.putIfAbsent(key(artifact.getGroupId(), artifact.getArtifactId(), artifact.getClassifier()),
            artifact.getFile());
        binding |= isSlf4jBinding(artifact.getGroupId(), artifact.getArtifactId());
        if (artifact.getGroupId().equals("org.slf4j") && artifact.getArtifactId().equals("slf4j-api")) {
          slf4j = artifact.getVersion(); // a 1.7 API finds 1.7 bindings only
        }
      }
    }
    List<String> wanted = new ArrayList<>(List.of("dev.streamer:streamer-local:" + versions.getProperty(
        "streamer.version")));
    if (!binding) {
      // Jetty and DynamoDB Local log through SLF4J: without a binding it prints "no providers" warnings
      wanted.add("org.slf4j:slf4j-jdk14:" + slf4j);
    }
    for (ArtifactResult result : resolve(wanted)) {
      org.eclipse.aether.artifact.Artifact a = result.getArtifact();
      byKey.putIfAbsent(key(a.getGroupId(), a.getArtifactId(), a.getClassifier()), a.getFile());
    }
    List<URL> urls = new ArrayList<>();
    try {
      for (File file : byKey.values()) {
        urls.add(file.toURI().toURL());
      }
      urls.add(DevServer.class.getProtectionDomain().getCodeSource().getLocation().toURI().toURL());
    } catch (MalformedURLException | URISyntaxException e) {
      throw new MojoExecutionException("bad class path entry: " + e.getMessage(), e);
    }
    getLog().debug("streamer:run stack class path: " + urls);
    return urls.toArray(URL[]::new);
  }

  /**
   * Resolves {@code coordinates} and their runtime dependencies with the dependency management of
   * {@code streamer-local}'s own POM (the AWS SDK, Jackson and Jetty versions the local stack is built and tested
   * with), not with whatever versions DynamoDB Local's dependencies name.
   */
  private List<ArtifactResult> resolve(List<String> coordinates) throws MojoExecutionException {
    List<RemoteRepository> repositories = project.getRemoteProjectRepositories();
    try {
      ArtifactDescriptorResult local = repositorySystem.readArtifactDescriptor(session.getRepositorySession(),
          new ArtifactDescriptorRequest(new DefaultArtifact(coordinates.get(0)), repositories, null));
      CollectRequest collect = new CollectRequest();
      coordinates.forEach(c -> collect.addDependency(new Dependency(new DefaultArtifact(c), "runtime")));
      collect.setManagedDependencies(local.getManagedDependencies());
      collect.setRepositories(repositories);
      return repositorySystem.resolveDependencies(session.getRepositorySession(),
          new DependencyRequest(collect, null)).getArtifactResults();
    } catch (ArtifactDescriptorException | DependencyResolutionException e) {
      throw new MojoExecutionException("cannot resolve " + coordinates + " for the local stack: " + e.getMessage(),
          e);
    }
  }

  private static Properties versions() throws MojoExecutionException {
    Properties p = new Properties();
    try (InputStream in = RunMojo.class.getResourceAsStream("run.properties")) {
      if (in == null) {
        throw new MojoExecutionException("the plugin's run.properties is missing");
      }
      p.load(in);
    } catch (IOException e) {
      throw new MojoExecutionException("the plugin's run.properties cannot be read", e);
    }
    return p;
  }

  private static boolean isSlf4jBinding(String groupId, String artifactId) {
    return groupId.equals("ch.qos.logback") && artifactId.equals("logback-classic")
        || groupId.equals("org.slf4j") && !artifactId.equals("slf4j-api") && !artifactId.startsWith("jcl-")
            && !artifactId.startsWith("jul-") && !artifactId.startsWith("log4j-over")
        || groupId.equals("org.apache.logging.log4j") && artifactId.startsWith("log4j-slf4j");
  }

  private static String key(String groupId, String artifactId, String classifier) {
    return groupId + ":" + artifactId + (classifier == null || classifier.isEmpty() ? "" : ":" + classifier);
  }

}
