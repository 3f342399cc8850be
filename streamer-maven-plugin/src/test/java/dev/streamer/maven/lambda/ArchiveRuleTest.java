package dev.streamer.maven.lambda;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArchiveRuleTest {

  @Test
  void matchesGroupAndArtifactGlobsAndTheProjectMarker() {
    assertTrue(rule("*:*").matches("a.b", "c", false));
    assertTrue(rule("software.amazon.*:dynamo*").matches("software.amazon.awssdk", "dynamodb", false));
    assertFalse(rule("software.amazon.*:dynamo*").matches("software.amazon.awssdk", "sqs", false));
    assertFalse(rule("a.b:c").matches("aXb", "c", false), "dots are literal");
    assertTrue(rule(ArchiveRule.PROJECT).matches("any", "thing", true));
    assertFalse(rule(ArchiveRule.PROJECT).matches("any", "thing", false));
    assertThrows(IllegalArgumentException.class, () -> rule("no-colon").matches("a", "b", false));
  }

  private static ArchiveRule rule(String artifact) {
    return new ArchiveRule(artifact, List.of(), List.of());
  }
}
