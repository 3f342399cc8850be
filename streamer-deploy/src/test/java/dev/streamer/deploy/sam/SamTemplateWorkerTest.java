package dev.streamer.deploy.sam;

import static dev.streamer.deploy.sam.ParsedTemplate.cast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamer.core.app.HandlerKind;
import dev.streamer.deploy.app.DeployedApp;
import dev.streamer.runtime.aws.config.EnvironmentVariables;
import dev.streamer.runtime.aws.config.EnvironmentVariables.Variable;
import dev.streamer.runtime.aws.internal.processor.IsolatedExecution;
import dev.streamer.runtime.aws.internal.processor.ProcessorSettings;
import dev.streamer.runtime.aws.internal.processor.SweepSchedule;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The sixth function: an application with an isolated action (manifest {@code Exports}) gets the worker function
 * with its own timeout and memory, its least-privilege role, the asynchronous-invocation settings of
 * {@link IsolatedExecution}, and only the processor may invoke it (its alias) and learns its name; an application
 * without one ({@code Orders}) gets none of it.
 */
class SamTemplateWorkerTest {

  private static final DeployedApp EXPORTS =
      DeployedApp.find(SamTemplateWorkerTest.class.getClassLoader(), "Exports");
  private static final ParsedTemplate TEMPLATE = ParsedTemplate.parse(SamTemplate.yaml(EXPORTS, "../exports.jar"));
  private static final ParsedTemplate ORDERS = ParsedTemplate.parse(SamTemplate.yaml(
      DeployedApp.find(SamTemplateWorkerTest.class.getClassLoader(), "Orders"), "../orders.jar"));
  private static final Map<String, Object> WORKER_ALIAS = Map.of("Ref", "ExportsWorkerHandler.Alias");

  @Test
  void theWorkerIsTheSixthFunctionWithItsOwnTimeoutMemoryAndAsyncInvokeSettings() {
    assertEquals(List.of("ExportsConnectHandler", "ExportsDisconnectHandler", "ExportsDefaultHandler",
        "ExportsStreamProcessor", "ExportsSweeper", "ExportsWorkerHandler"),
        TEMPLATE.resourcesOfType("AWS::Serverless::Function"));
    Map<String, Object> worker = TEMPLATE.properties("ExportsWorkerHandler");
    assertEquals("dev.streamer.deploy.testapp.ExportsWorkerHandler", worker.get("Handler"));
    assertEquals(900, worker.get("Timeout"), "Lambda's maximum: each job's own 15 minutes");
    assertEquals(IsolatedExecution.WORKER_TIMEOUT, Duration.ofSeconds(900));
    assertEquals(FunctionSettings.WORKER_MEMORY_MB, worker.get("MemorySize"));
    assertEquals(Map.of("MaximumRetryAttempts", IsolatedExecution.MAXIMUM_RETRY_ATTEMPTS,
        "MaximumEventAgeInSeconds", (int) IsolatedExecution.MAXIMUM_EVENT_AGE.toSeconds()),
        worker.get("EventInvokeConfig"));
    int age = (Integer) ParsedTemplate.<Map<String, Object>>cast(worker.get("EventInvokeConfig"))
        .get("MaximumEventAgeInSeconds");
    assertTrue(age >= 60 && age <= 21_600, "within Lambda's range of MaximumEventAgeInSeconds: " + age);
    assertEquals(Map.of("Fn::GetAtt", List.of("ExportsWorkerHandlerRole", "Arn")), worker.get("Role"));
    assertTrue(TEMPLATE.resourcesOfType("AWS::Logs::LogGroup").contains("ExportsWorkerHandlerLogGroup"));
    for (String other : List.of("ExportsStreamProcessor", "ExportsSweeper", "ExportsDefaultHandler")) {
      assertNull(TEMPLATE.properties(other).get("EventInvokeConfig"), other);
    }
  }

  @Test
  void aWorkerThatNeverStartsOrDiesIsReDrivenWithin90Seconds() {
    Duration interval = SweepSchedule.DEFAULT_INTERVAL;
    assertTrue(IsolatedExecution.DISPATCH_TIMEOUT.plus(interval).compareTo(Duration.ofSeconds(90)) <= 0,
        "dispatched, never claimed: re-driven at the first sweep after the dispatch timeout");
    assertTrue(ProcessorSettings.DEFAULT_LEASE_DURATION.plus(interval).compareTo(Duration.ofSeconds(90)) <= 0,
        "claimed, worker died: taken back at the first sweep after the lease");
    assertTrue(IsolatedExecution.MAXIMUM_EVENT_AGE.compareTo(IsolatedExecution.DISPATCH_TIMEOUT) <= 0,
        "an event older than the dispatch timeout has been replaced by the sweeper's re-dispatch");
  }

  @Test
  void onlyTheProcessorMayInvokeTheWorkerAndOnlyItsAlias() {
    List<Map<String, Object>> invoke = statements("ExportsStreamProcessorRole").stream()
        .filter(s -> ParsedTemplate.<List<String>>cast(s.get("Action")).stream().anyMatch(a -> a.startsWith("lambda:")))
        .toList();
    assertEquals(1, invoke.size(), "one statement: " + invoke);
    assertEquals(List.of("lambda:InvokeFunction"), invoke.get(0).get("Action"));
    assertEquals(WORKER_ALIAS, invoke.get(0).get("Resource"));
    for (String role : TEMPLATE.resourcesOfType("AWS::IAM::Role")) {
      if (!role.equals("ExportsStreamProcessorRole")) {
        assertTrue(statements(role).stream().flatMap(s -> ParsedTemplate.<List<String>>cast(s.get("Action")).stream())
            .noneMatch(a -> a.startsWith("lambda:")), role + " may invoke no function");
      }
    }
  }

  @Test
  void theWorkersRoleIsLeastPrivilege() {
    Map<String, Set<String>> actions = new java.util.LinkedHashMap<>();
    for (Map<String, Object> statement : statements("ExportsWorkerHandlerRole")) {
      assertEquals("Allow", statement.get("Effect"));
      actions.put(String.valueOf(statement.get("Sid")),
          new TreeSet<>(ParsedTemplate.<List<String>>cast(statement.get("Action"))));
    }
    assertEquals(Set.of("Logs", "RequestsTable", "ConnectionsTable", "EventRecipientsIndexes", "ManageConnections"),
        actions.keySet(), "no stream, queue, requests index or function");
    // an isolated action's server events to a user or tenant read their connections through the two indexes
    assertEquals(Set.of("dynamodb:Query"), actions.get("EventRecipientsIndexes"));
    assertEquals(Set.of("dynamodb:GetItem", "dynamodb:UpdateItem"), actions.get("RequestsTable"),
        "read before the claim; claim, progress and outcome are updates");
  }

  @Test
  void theProcessorLearnsTheWorkersAliasThroughItsOneVariable() {
    Map<String, Object> processor = TEMPLATE.environment("ExportsStreamProcessor");
    assertEquals(WORKER_ALIAS, processor.get("WORKER_FUNCTION"));
    Set<String> expected = EnvironmentVariables.templateVariables(HandlerKind.WORKER).stream().map(Variable::name)
        .collect(Collectors.toCollection(TreeSet::new));
    expected.add(JavaToolOptions.VARIABLE);
    assertEquals(expected, new TreeSet<>(TEMPLATE.environment("ExportsWorkerHandler").keySet()));
    assertFalse(expected.contains("WORKER_FUNCTION"), "the worker invokes nothing");
  }

  @Test
  void anAppWithoutAnIsolatedActionHasNoWorker() {
    assertEquals(5, ORDERS.resourcesOfType("AWS::Serverless::Function").size());
    assertFalse(ORDERS.environment("OrdersStreamProcessor").containsKey("WORKER_FUNCTION"));
    assertTrue(ORDERS.resourcesOfType("AWS::IAM::Role").stream().flatMap(r -> statementsOf(ORDERS, r).stream())
        .flatMap(s -> ParsedTemplate.<List<String>>cast(s.get("Action")).stream())
        .noneMatch(a -> a.startsWith("lambda:")));
  }

  private static List<Map<String, Object>> statements(String role) {
    return statementsOf(TEMPLATE, role);
  }

  private static List<Map<String, Object>> statementsOf(ParsedTemplate template, String role) {
    List<Map<String, Object>> policies = cast(template.properties(role).get("Policies"));
    return policies.stream().flatMap(p -> ParsedTemplate.<List<Map<String, Object>>>cast(
        ParsedTemplate.<Map<String, Object>>cast(p.get("PolicyDocument")).get("Statement")).stream()).toList();
  }
}
