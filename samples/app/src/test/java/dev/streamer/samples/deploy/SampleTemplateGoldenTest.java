package dev.streamer.samples.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.streamer.deploy.app.DeployedApp;
import dev.streamer.deploy.sam.SamTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The sample app's template, as {@code mvn package} wrote it, against the reviewed golden copy. After an intended
 * change: {@code mvn -o -pl streamer-processor,samples/app -am verify -Dstreamer.updateGolden=true} (from the
 * repository root), then review the diff of {@code src/test/resources/golden/template.yaml}.
 */
class SampleTemplateGoldenTest {

  @Test
  void buildWroteTheGoldenTemplate() throws IOException {
    String built = BuildOutputs.templateText();
    Path golden = BuildOutputs.golden();
    if (Boolean.getBoolean("streamer.updateGolden")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, built);
    }
    assertEquals(Files.readString(golden), built, "template differs from " + golden
        + " (regenerate with -Dstreamer.updateGolden=true and review)");
  }

  @Test
  void buildStepAndGeneratorAgree() {
    DeployedApp app = DeployedApp.find(getClass().getClassLoader(), "Sample");
    assertEquals(SamTemplate.yaml(app, "../sample-app-lambda.jar"), BuildOutputs.templateText());
  }
}
