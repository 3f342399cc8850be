package dev.streamer.deploy.artifact;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The jar-level analysis: classes named only in resource files stay. */
class LambdaJarPrunerTest {

  private static final String ENDPOINTS = "software/amazon/awssdk/services/dynamodb/endpoints/internal/";

  @Test
  void classesNamedInServiceLoaderFilesOrInterceptorListsStay(@TempDir Path dir)
      throws IOException, URISyntaxException {
    Path sdk = Path.of(DynamoDbClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path plain = dir.resolve("plain.jar");
    Path named = dir.resolve("named.jar");
    copy(sdk, plain, null, null);
    copy(sdk, named, "software/amazon/awssdk/services/dynamodb/execution.interceptors",
        "# an interceptor the SDK loads by name\n" + (ENDPOINTS + "RuleEngine").replace('/', '.') + "\n");
    assertTrue(LambdaJarPruner.analyse(plain).removable().contains(ENDPOINTS + "RuleEngine"),
        "unreferenced, the rule engine goes");
    UnusedSdkClasses.Result result = LambdaJarPruner.analyse(named);
    assertFalse(result.removable().contains(ENDPOINTS + "RuleEngine"), "named in a resource, it stays");
    assertFalse(result.removable().contains(ENDPOINTS + "DefaultRuleEngine"), "with what it references");
  }

  private static void copy(Path from, Path to, String extraName, String extraText) throws IOException {
    try (ZipFile zip = new ZipFile(from.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        out.putNextEntry(new ZipEntry(entry.getName()));
        try (InputStream in = zip.getInputStream(entry)) {
          in.transferTo(out);
        }
        out.closeEntry();
      }
      if (extraName != null) {
        out.putNextEntry(new ZipEntry(extraName));
        out.write(extraText.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
  }
}
