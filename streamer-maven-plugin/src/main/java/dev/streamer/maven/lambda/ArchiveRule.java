package dev.streamer.maven.lambda;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which entries of the matching artifacts go into the Lambda jar (the shade plugin's {@code <filter>}): with
 * {@code includes}, only those; then never the {@code excludes}. Patterns are the shade plugin's (Ant-style paths,
 * {@code *} and {@code **}). Also the shape of the {@code <filters>} parameter of {@code streamer:sam}:
 *
 * <pre>{@code
 * <filters>
 *   <filter>
 *     <artifact>com.amazonaws:aws-lambda-java-events</artifact>
 *     <includes><include>com/amazonaws/services/lambda/runtime/events/SQSEvent*</include></includes>
 *   </filter>
 * </filters>
 * }</pre>
 */
public final class ArchiveRule {

  /** {@link #artifact} of the project's own jar. */
  public static final String PROJECT = "${project}";

  /** {@code groupId:artifactId}, each may be or contain {@code *}; or {@link #PROJECT}. */
  private String artifact;
  private List<String> includes = new ArrayList<>();
  private List<String> excludes = new ArrayList<>();

  /** For Maven's configurator. */
  public ArchiveRule() {}

  ArchiveRule(String artifact, List<String> includes, List<String> excludes) {
    this.artifact = Objects.requireNonNull(artifact);
    this.includes = List.copyOf(includes);
    this.excludes = List.copyOf(excludes);
  }

  public String artifact() {
    return artifact;
  }

  public List<String> includes() {
    return includes == null ? List.of() : includes;
  }

  public List<String> excludes() {
    return excludes == null ? List.of() : excludes;
  }

  /** Whether this rule applies to {@code groupId:artifactId} (or to the project's jar). */
  public boolean matches(String groupId, String artifactId, boolean project) {
    if (PROJECT.equals(artifact)) {
      return project;
    }
    String[] parts = Objects.requireNonNull(artifact, "a filter needs an <artifact>").split(":", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException("filter artifact '" + artifact + "' is not groupId:artifactId");
    }
    return glob(parts[0], groupId) && glob(parts[1], artifactId);
  }

  static boolean glob(String pattern, String value) {
    return value.matches(("\\Q" + pattern + "\\E").replace("*", "\\E.*\\Q"));
  }

  @Override
  public String toString() {
    return artifact + " includes " + includes() + " excludes " + excludes();
  }
}
