package dev.streamer.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamer.deploy.app.DeployedApp;
import dev.streamer.deploy.sam.ParsedTemplate;
import dev.streamer.deploy.sam.SamTemplate;
import dev.streamer.runtime.aws.internal.env.EnvDuration;
import dev.streamer.runtime.aws.internal.processor.EventSourceMapping;
import dev.streamer.runtime.aws.internal.processor.SweepSchedule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The event source mapping the SAM template deploys is the one the local stack's poller applies. */
class EventSourceMappingAgreementTest {

  /** The template of streamer-deploy's test app (its manifest, from that module's test jar). */
  private static final ParsedTemplate TEMPLATE = ParsedTemplate.parse(SamTemplate.yaml(DeployedApp.find(
      EventSourceMappingAgreementTest.class.getClassLoader(), "Orders"), "app.jar"));

  private static Map<String, Object> templateMapping() {
    List<String> ids = TEMPLATE.resourcesOfType("AWS::Lambda::EventSourceMapping");
    assertEquals(1, ids.size());
    return TEMPLATE.properties(ids.get(0));
  }

  @Test
  void templateSettingsEqualTheLocalPollers() {
    EventSourceMapping local = LocalStack.builder().mapping();
    Map<String, Object> applied = new LinkedHashMap<>();
    applied.put("StartingPosition", local.startingPosition().name());
    applied.put("BatchSize", local.batchSize());
    applied.put("ParallelizationFactor", local.parallelizationFactor());
    applied.put("MaximumBatchingWindowInSeconds", (int) local.maximumBatchingWindow().toSeconds());
    applied.put("FunctionResponseTypes", List.of("ReportBatchItemFailures"));
    applied.put("BisectBatchOnFunctionError", local.bisectBatchOnFunctionError());
    applied.put("MaximumRetryAttempts", local.maximumRetryAttempts());
    applied.put("MaximumRecordAgeInSeconds", (int) local.maximumRecordAge().toSeconds());

    Map<String, Object> deployed = new LinkedHashMap<>(templateMapping());
    Object filters = deployed.remove("FilterCriteria");
    deployed.remove("EventSourceArn");
    deployed.remove("FunctionName");
    deployed.remove("DestinationConfig");
    assertEquals(applied, deployed);
    assertEquals(Map.of("Filters", List.of(Map.of("Pattern", EventSourceMapping.filterPattern()))), filters);
    assertEquals(10, local.parallelizationFactor(), "one shard runs ten batches at once, not AWS's default 1");
  }

  @Test
  void theTemplatesSweepScheduleIsTheLocalTimers() {
    List<String> rules = TEMPLATE.resourcesOfType("AWS::Events::Rule");
    assertEquals(1, rules.size());
    String expression = (String) TEMPLATE.properties(rules.get(0)).get("ScheduleExpression");
    java.util.regex.Matcher rate = java.util.regex.Pattern.compile("rate\\((\\d+) minutes?\\)").matcher(expression);
    assertTrue(rate.matches(), expression);
    assertEquals(SweepSchedule.RATE, java.time.Duration.ofMinutes(Long.parseLong(rate.group(1))),
        "the local timer invokes the sweeper at SweepSchedule.RATE");
    Object interval = TEMPLATE.environment(TEMPLATE.resourcesOfType("AWS::Serverless::Function").stream()
        .filter(f -> f.endsWith("Sweeper")).findFirst().orElseThrow()).get("SWEEP_INTERVAL");
    assertEquals(LocalStack.builder().sweepIntervalSetting(), EnvDuration.parse("SWEEP_INTERVAL",
        String.valueOf(interval)), "the template's SWEEP_INTERVAL is the local stack's default");
  }

  @Test
  void thePollersFilterAgreesWithTheTemplatesPattern() throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> filters = (Map<String, Object>) templateMapping().get("FilterCriteria");
    @SuppressWarnings("unchecked")
    String pattern = (String) ((List<Map<String, Object>>) filters.get("Filters")).get(0).get("Pattern");
    Map<?, ?> parsed = new ObjectMapper().readValue(pattern, Map.class);
    for (String event : List.of("INSERT", "MODIFY", "REMOVE")) {
      for (String status : new String[] {"PENDING", "PROCESSING", "COMPLETED", null}) {
        DynamodbEvent.DynamodbStreamRecord record = record(event, status);
        boolean expected = matches(parsed, asPatternInput(event, status));
        assertEquals(expected, EventSourceMapping.passesFilter(record), event + " " + status);
      }
    }
    assertTrue(EventSourceMapping.passesFilter(record("MODIFY", "PENDING")));
    assertFalse(EventSourceMapping.passesFilter(record("MODIFY", "PROCESSING")));
  }

  private static DynamodbEvent.DynamodbStreamRecord record(String event, String status) {
    DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
    record.setEventName(event);
    StreamRecord data = new StreamRecord();
    Map<String, AttributeValue> image = new LinkedHashMap<>();
    image.put("requestId", new AttributeValue().withS("r-1"));
    if (status != null) {
      image.put("status", new AttributeValue().withS(status));
    }
    data.setNewImage(event.equals("REMOVE") ? null : image);
    record.setDynamodb(data);
    return record;
  }

  private static Map<String, Object> asPatternInput(String event, String status) {
    Map<String, Object> image = new LinkedHashMap<>();
    if (status != null) {
      image.put("status", Map.of("S", status));
    }
    return event.equals("REMOVE") ? Map.of("eventName", event, "dynamodb", Map.of())
        : Map.of("eventName", event, "dynamodb", Map.of("NewImage", image));
  }

  /** Lambda's filter rule for the pattern shapes used: an array lists accepted values, an object nests. */
  private static boolean matches(Map<?, ?> pattern, Object input) {
    if (!(input instanceof Map<?, ?> values)) {
      return false;
    }
    for (Map.Entry<?, ?> e : pattern.entrySet()) {
      Object value = values.get(e.getKey());
      boolean ok = e.getValue() instanceof List<?> accepted ? accepted.contains(value)
          : e.getValue() instanceof Map<?, ?> nested && matches(nested, value);
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
