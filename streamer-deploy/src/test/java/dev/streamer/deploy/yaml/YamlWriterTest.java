package dev.streamer.deploy.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.streamer.deploy.sam.ParsedTemplate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlWriterTest {

  @Test
  void stringsThatYamlWouldReadAsSomethingElseAreQuoted() {
    Map<String, Object> tree = new LinkedHashMap<>();
    List<String> tricky = List.of("true", "No", "on", "null", "~", "2010-09-09", "1", "0x1F", "1e3", "$default",
        "$request.body.action", "rate(1 minute)", "a: b", "#comment", "- item", "", " padded ", "quote\"back\\slash",
        "line\nbreak", "{{resolve:ssm:${Key}}}", "[x]", "@connections", "arn:aws:execute-api:*", "*", "tab\there",
        "Fn::GetAtt", "AWS::Serverless-2016-10-31", "dev.streamer.samples.SampleDefaultHandler", "ends:",
        "{\"eventName\":[\"INSERT\"]}", "ünïcödé", "\u0001");
    for (int i = 0; i < tricky.size(); i++) {
      tree.put("k" + i, tricky.get(i));
    }
    tree.put("keys: with colon", "v");
    assertEquals(tree, ParsedTemplate.parse(YamlWriter.write(tree)).root());
  }

  @Test
  void nestedMapsListsAndScalarsRoundTrip() {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("Empty map", Map.of());
    tree.put("Empty list", List.of());
    tree.put("Numbers", List.of(1, 1_209_600, -3));
    tree.put("Flags", List.of(true, false));
    tree.put("Nested", List.of(
        Map.of("Only", "one"),
        new LinkedHashMap<>(Map.of("A", List.of("x", Map.of("B", List.of(List.of("deep", "list"))))))));
    tree.put("Deep", Map.of("Fn::If", List.of("Cond", Map.of("Fn::Sub", "${X}"), "")));
    assertEquals(tree, ParsedTemplate.parse(YamlWriter.write(tree)).root());
  }

  @Test
  void plainWhereUnambiguous() {
    assertEquals("Type: AWS::DynamoDB::Table\n", YamlWriter.write(Map.of("Type", "AWS::DynamoDB::Table")));
    assertEquals("Key: \"$default\"\n", YamlWriter.write(Map.of("Key", "$default")));
  }
}
