package dev.streamer.maven.lambda;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.shade.DefaultShader;
import org.apache.maven.plugins.shade.ShadeRequest;
import org.apache.maven.plugins.shade.filter.Filter;
import org.apache.maven.plugins.shade.filter.SimpleFilter;
import org.apache.maven.plugins.shade.resource.ApacheLicenseResourceTransformer;
import org.apache.maven.plugins.shade.resource.ApacheNoticeResourceTransformer;
import org.apache.maven.plugins.shade.resource.ServicesResourceTransformer;

/**
 * The Lambda deployment jar: the project's jar and its runtime dependencies merged into one, by the shade plugin's
 * shader, with {@link LambdaJarRules} and the project's own rules applied. {@code META-INF/services} files are
 * merged (the AWS SDK finds its HTTP client through them), not overwritten.
 */
public final class LambdaJar {

  /** One jar to merge: {@code groupId:artifactId} and its file; {@code project} for the project's own jar. */
  public record Input(String groupId, String artifactId, File file, boolean project) {}

  private LambdaJar() {}

  /**
   * Writes {@code output} from {@code inputs}; {@code rules} add to {@link LambdaJarRules#RULES} (per jar, the
   * includes of every matching rule add up, and so do the excludes), {@code excludedArtifacts} ({@code g:a} globs)
   * to {@link LambdaJarRules#EXCLUDED_ARTIFACTS}. Returns the inputs that were merged.
   */
  // SimpleFilter's other constructor takes the shade mojo's ArchiveFilter, which only Maven's injection can fill
  @SuppressWarnings("deprecation")
  public static List<Input> write(File output, List<Input> inputs, List<ArchiveRule> rules,
      List<String> excludedArtifacts) throws IOException, MojoExecutionException {
    List<ArchiveRule> allRules = new ArrayList<>(LambdaJarRules.RULES);
    allRules.addAll(rules);
    List<String> excluded = new ArrayList<>(LambdaJarRules.EXCLUDED_ARTIFACTS);
    excluded.addAll(excludedArtifacts);
    List<Input> merged = new ArrayList<>();
    List<Filter> filters = new ArrayList<>();
    for (Input input : inputs) {
      if (!input.project() && excluded.stream().anyMatch(pattern -> matches(pattern, input))) {
        continue;
      }
      merged.add(input);
      Set<String> includes = new LinkedHashSet<>();
      Set<String> excludes = new LinkedHashSet<>();
      for (ArchiveRule rule : allRules) {
        if (rule.matches(input.groupId(), input.artifactId(), input.project())) {
          includes.addAll(rule.includes());
          excludes.addAll(rule.excludes());
        }
      }
      if (!includes.isEmpty() || !excludes.isEmpty()) {
        filters.add(new SimpleFilter(Set.of(input.file()), includes, excludes));
      }
    }
    Set<File> jars = new LinkedHashSet<>();
    merged.forEach(input -> jars.add(input.file()));
    ShadeRequest request = new ShadeRequest();
    request.setJars(jars);
    request.setUberJar(output);
    request.setFilters(filters);
    request.setRelocators(List.of());
    request.setResourceTransformers(List.of(new ServicesResourceTransformer(),
        new ApacheLicenseResourceTransformer(), new ApacheNoticeResourceTransformer()));
    File parent = output.getAbsoluteFile().getParentFile();
    if (!parent.isDirectory() && !parent.mkdirs()) {
      throw new IOException("cannot create " + parent);
    }
    new DefaultShader().shade(request);
    return merged;
  }

  private static boolean matches(String pattern, Input input) {
    return new ArchiveRule(pattern, List.of(), List.of()).matches(input.groupId(), input.artifactId(), false);
  }
}
