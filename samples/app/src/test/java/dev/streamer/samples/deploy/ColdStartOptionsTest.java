package dev.streamer.samples.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.streamer.deploy.sam.ParsedTemplate;
import dev.streamer.samples.coldstart.ColdStartHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cold-start harness measures first with exactly the JVM options the built template gives every function. */
class ColdStartOptionsTest {

  @Test
  void theHarnessesFirstVariantIsTheTemplatesJavaToolOptions() {
    List<String> measured = ColdStartHarness.variants().get(0).options();
    assertFalse(measured.isEmpty());
    ParsedTemplate template = BuildOutputs.parsedTemplate();
    List<String> functions = template.resourcesOfType("AWS::Serverless::Function");
    assertEquals(6, functions.size(), "five, and the worker of the isolated export_records");
    for (String function : functions) {
      assertEquals(String.join(" ", measured), template.environment(function).get("JAVA_TOOL_OPTIONS"), function);
    }
  }
}
