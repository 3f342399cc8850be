package dev.streamer.samples.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamer.deploy.artifact.LambdaJarPruner;
import dev.streamer.deploy.artifact.PrunedJarCheck;
import dev.streamer.deploy.artifact.UnusedSdkClasses;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS SDK classes the build removed from the jar ({@code LambdaJarPruner}) are needed by no class that stays:
 * every remaining service class links, verifies and initialises without them in a fresh JVM, and the classes of
 * operations nothing calls still load (the verifier loads them when it links the client); the endpoint providers
 * resolve and the Lambda client invokes with what is left ({@link PrunedSdkProbe}). The functions themselves run on
 * this jar in {@link HandlersFromTemplateEnvironmentTest}.
 */
class PrunedSdkClassesTest {

  @Test
  void theJarWasPrunedAndKeepsEveryOperationTheRuntimeCalls() throws IOException {
    UnusedSdkClasses.Result result = LambdaJarPruner.analyse(BuildOutputs.artifact());
    assertEquals(Set.of(), result.removable(), "nothing left to remove: the build pruned this jar");
    assertTrue(result.used().containsAll(Set.of("dynamodb/GetItem", "dynamodb/PutItem", "dynamodb/UpdateItem",
        "dynamodb/DeleteItem", "dynamodb/Query", "apigatewaymanagementapi/PostToConnection",
        "apigatewaymanagementapi/DeleteConnection", "apigatewaymanagementapi/GetConnection")), result.used()::toString);
    try (JarFile jar = new JarFile(BuildOutputs.artifact().toFile())) {
      for (String gone : List.of("BackupDescription", "GlobalTableDescription", "ExportDescription")) {
        assertEquals(null, jar.getEntry("software/amazon/awssdk/services/dynamodb/model/" + gone + ".class"), gone);
      }
    }
  }

  @Test
  void theRemainingClassesResolveEndpointsAndInvokeAWorker() {
    ChildJvm.Result child = ChildJvm.run(ChildJvm.builder(List.of(BuildOutputs.artifact(),
        BuildOutputs.testClasses()), Map.of("AWS_REGION", "eu-west-1"), PrunedSdkProbe.class.getName(), List.of()), 120);
    assertEquals(0, child.exitCode(), child.stdout() + child.stderr());
    assertEquals(List.of("dynamodb https://dynamodb.eu-west-1.amazonaws.com",
        "lambda https://lambda.eu-west-1.amazonaws.com",
        "apigatewaymanagementapi https://abc123.execute-api.eu-west-1.amazonaws.com/prod"),
        child.stdoutLines("ENDPOINT "));
    assertEquals(List.of("202 /2015-03-31/functions/app-worker/invocations Event {\"requestId\":\"r-1\"}"),
        child.stdoutLines("INVOKE "));
  }

  @Test
  void everyRemainingServiceClassLinksWithoutTheRemovedOnes() throws IOException {
    UnusedSdkClasses.Result result = LambdaJarPruner.analyse(BuildOutputs.artifact());
    assertEquals(List.of(), PrunedJarCheck.failures(BuildOutputs.artifact(), result));
    try (JarFile jar = new JarFile(BuildOutputs.artifact().toFile())) {
      long services = jar.stream().filter(e -> e.getName().startsWith("software/amazon/awssdk/services/")
          && e.getName().endsWith(".class")).count();
      assertTrue(services > 900, "the service classes checked: " + services);
    }
  }

  /** The check the build runs after pruning fails when a class a remaining one needs is missing. */
  @Test
  void theBuildsCheckFindsAMissingClass(@TempDir Path dir) throws IOException {
    Path broken = dir.resolve("broken.jar");
    String missing = "software/amazon/awssdk/services/dynamodb/model/DynamoDbRequest.class"; // every request's superclass
    try (ZipFile zip = new ZipFile(BuildOutputs.artifact().toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(broken))) {
      for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
        if (!entry.getName().equals(missing)) {
          out.putNextEntry(new ZipEntry(entry.getName()));
          try (InputStream in = zip.getInputStream(entry)) {
            in.transferTo(out);
          }
          out.closeEntry();
        }
      }
    }
    List<String> failures = PrunedJarCheck.failures(broken, LambdaJarPruner.analyse(BuildOutputs.artifact()));
    assertFalse(failures.isEmpty());
    assertTrue(failures.stream().anyMatch(f -> f.contains("DynamoDbRequest")), failures::toString);
  }
}
