package dev.streamer.deploy.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Removes from a Lambda jar the AWS SDK classes no code path loads ({@link UnusedSdkClasses}), in place.
 *
 * <pre>LambdaJarPruner --artifact target/app-lambda.jar</pre>
 */
public final class LambdaJarPruner {

  /** What a pruning did: the analysis and the jar's size before and after, in bytes. */
  public record Summary(UnusedSdkClasses.Result result, long bytesBefore, long bytesAfter) {
    @Override
    public String toString() {
      return String.format("removed %,d SDK classes nothing loads (kept %d operations: %s): %,d -> %,d bytes",
          result.removable().size(), result.used().size(), String.join(", ", result.used()), bytesBefore,
          bytesAfter);
    }
  }

  private LambdaJarPruner() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2 || !args[0].equals("--artifact")) {
      throw new IllegalArgumentException("usage: --artifact <jar>");
    }
    System.out.println("[streamer] " + Path.of(args[1]).getFileName() + ": " + prune(Path.of(args[1])));
  }

  /**
   * Where the SDK and the JDK find classes by name outside any class file: service loader files and the SDK's
   * {@code execution.interceptors} lists. The classes they name are kept as if a class outside the SDK referred to
   * them.
   */
  static final String NAMED_IN_RESOURCES = "(class names in META-INF/services and *.interceptors)";

  /** The analysis of {@code jar}'s classes. */
  public static UnusedSdkClasses.Result analyse(Path jar) throws IOException {
    Map<String, Set<String>> references = new HashMap<>();
    Map<String, Set<String>> supertypes = new HashMap<>();
    Set<String> namedInResources = new TreeSet<>();
    references.put(NAMED_IN_RESOURCES, namedInResources);
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        String name = entry.getName();
        if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
          try (InputStream in = zip.getInputStream(entry)) {
            ClassReferences.Parsed parsed = ClassReferences.read(in.readAllBytes());
            String className = name.substring(0, name.length() - ".class".length());
            references.put(className, parsed.names());
            supertypes.put(className, parsed.supertypes());
          }
        } else if (name.startsWith("META-INF/services/") || name.endsWith(".interceptors")) {
          try (InputStream in = zip.getInputStream(entry)) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                .map(line -> line.replaceFirst("#.*", "").trim()).filter(line -> !line.isEmpty())
                .forEach(line -> namedInResources.add(line.replace('.', '/')));
          }
        }
      }
    }
    return UnusedSdkClasses.of(references, supertypes);
  }

  /**
   * Rewrites {@code jar} without the removable classes (entries keep their order and times), then checks the result
   * in a fresh JVM ({@link PrunedJarCheck}).
   *
   * @throws IOException if the jar cannot be rewritten, or the check finds a remaining SDK class that does not load
   */
  public static Summary prune(Path jar) throws IOException {
    UnusedSdkClasses.Result result = analyse(jar);
    long before = Files.size(jar);
    Path pruned = jar.resolveSibling(jar.getFileName() + ".pruning");
    try (ZipFile zip = new ZipFile(jar.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(pruned))) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        String name = entry.getName();
        if (name.endsWith(".class")
            && result.removable().contains(name.substring(0, name.length() - ".class".length()))) {
          continue;
        }
        ZipEntry copy = new ZipEntry(name);
        copy.setTime(entry.getTime());
        out.putNextEntry(copy);
        try (InputStream in = zip.getInputStream(entry)) {
          in.transferTo(out);
        }
        out.closeEntry();
      }
    }
    Files.move(pruned, jar, StandardCopyOption.REPLACE_EXISTING);
    // the same analysis as the pruning's: a pruned jar analyses alike (PrunedSdkClassesTest), no need to read it again
    List<String> failures = PrunedJarCheck.failures(jar, result);
    if (!failures.isEmpty()) {
      throw new IOException("the pruned jar lacks classes its SDK classes need (build with pruneSdk false, and report"
          + " this): " + String.join("; ", failures.subList(0, Math.min(10, failures.size()))));
    }
    return new Summary(result, before, Files.size(jar));
  }
}
