package dev.streamer.deploy.sam;

import static dev.streamer.deploy.sam.Cfn.getAtt;
import static dev.streamer.deploy.sam.Cfn.map;
import static dev.streamer.deploy.sam.Cfn.sub;

import dev.streamer.deploy.app.DeployedApp;
import dev.streamer.core.app.HandlerKind;
import dev.streamer.runtime.aws.tables.StreamerTables;
import dev.streamer.runtime.aws.tables.TableDefinition;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Least-privilege execution roles, one per function: the exact DynamoDB actions each handler's code path calls on
 * the two tables and the indexes it queries (the sweeper the requests' {@code status-time}; the functions that run
 * actions the connections' {@code user-connections} and {@code tenant-connections}, which a server event to a user or
 * tenant reads), the requests stream and dead-letter queue for the processor, {@code execute-api:ManageConnections} on this API for the functions that send, and writing to the
 * function's own log group. Nothing is granted on {@code *}.
 */
public final class Permissions {

  private Permissions() {}

  /** The {@code AWS::IAM::Role} of {@code handler}'s function. */
  public static Map<String, Object> role(DeployedApp app, HandlerKind handler) {
    Map<String, Object> trust = map(
        "Version", "2012-10-17",
        "Statement", List.of(map(
            "Effect", "Allow",
            "Principal", map("Service", "lambda.amazonaws.com"),
            "Action", "sts:AssumeRole")));
    Map<String, Object> policy = map(
        "PolicyName", "streamer-" + handler.name().toLowerCase(Locale.ROOT).replace('_', '-'),
        "PolicyDocument", map("Version", "2012-10-17", "Statement", statements(app, handler)));
    return Cfn.resource("AWS::IAM::Role", map(
        "Description", "Streamer " + app.appName() + " " + LogicalIds.function(app, handler),
        "AssumeRolePolicyDocument", trust,
        "Policies", List.of(policy)));
  }

  /** The policy statements of {@code handler}'s role. */
  public static List<Object> statements(DeployedApp app, HandlerKind handler) {
    Map<String, Object> logs = statement("Logs", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
        getAtt(LogicalIds.logGroup(app, handler), "Arn"));
    TableDefinition requests = StreamerTables.REQUESTS;
    TableDefinition connections = StreamerTables.CONNECTIONS;
    return switch (handler) {
      // MAX_CONNECTIONS_PER_USER: the user's slot set (read, conditional update) and, when it is full, whether its
      // holders are still connected
      case CONNECT -> List.of(logs, table("Connections", connections, "dynamodb:PutItem", "dynamodb:GetItem",
          "dynamodb:UpdateItem"));
      // the record, deleted with its old image; the user's slot given back (MAX_CONNECTIONS_PER_USER)
      case DISCONNECT -> List.of(logs, table("Connections", connections, "dynamodb:DeleteItem",
          "dynamodb:UpdateItem"));
      case DEFAULT -> List.of(logs,
          // the caller stored at $connect; rate-limit counters (conditional updates, in the same table); a
          // deferred job's place for status (MAX_RUNNING_PER_TENANT); the CANCELLED of a queued request is sent to
          // its owner (a 410 Gone deletes the record)
          table("Connections", connections, "dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"),
          // enqueue; status, subscribe and cancel
          table("Requests", requests, "dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:UpdateItem"),
          eventRecipients(),
          manageConnections());
      case STREAM_PROCESSOR -> java.util.Arrays.asList(logs,
          // claim, progress, outcome: conditional updates in place; the cancel flag, read when a job asks for it
          // without reporting progress (BatchedJobProgress)
          table("Requests", requests, "dynamodb:UpdateItem", "dynamodb:GetItem"),
          // endpoint of the connection; a 410 Gone deletes the record; running caps (MAX_RUNNING_PER_TENANT: read,
          // conditional update of the tenant's item)
          table("Connections", connections, "dynamodb:GetItem", "dynamodb:DeleteItem", "dynamodb:UpdateItem"),
          statement("RequestsStream", List.of("dynamodb:DescribeStream", "dynamodb:GetRecords",
              "dynamodb:GetShardIterator", "dynamodb:ListStreams"), sub(arnOf(requests) + "/stream/*")),
          statement("FailureQueue", List.of("sqs:SendMessage"), getAtt(LogicalIds.FAILURE_QUEUE, "Arn")),
          eventRecipients(),
          manageConnections(),
          // isolated actions: the asynchronous Invoke of the worker's published alias, and nothing else
          app.has(HandlerKind.WORKER) ? statement("InvokeWorker", List.of("lambda:InvokeFunction"),
              Cfn.alias(LogicalIds.function(app, HandlerKind.WORKER))) : null)
          .stream().filter(java.util.Objects::nonNull).map(Object.class::cast).toList();
      case SWEEPER -> List.of(logs,
          statement("RequestsSweepIndex", List.of("dynamodb:Query"),
              sub(arnOf(requests) + "/index/" + StreamerTables.STATUS_TIME_INDEX)),
          table("Requests", requests, "dynamodb:UpdateItem"),
          table("Connections", connections, "dynamodb:GetItem", "dynamodb:DeleteItem"),
          manageConnections());
      case WORKER -> List.of(logs,
          // read before the claim; claim, progress, outcome: conditional updates in place
          table("Requests", requests, "dynamodb:GetItem", "dynamodb:UpdateItem"),
          // as the processor: the connection's endpoint, 410 Gone, running caps
          table("Connections", connections, "dynamodb:GetItem", "dynamodb:DeleteItem", "dynamodb:UpdateItem"),
          eventRecipients(),
          manageConnections());
    };
  }

  private static Map<String, Object> table(String sid, TableDefinition table, String... actions) {
    return statement(sid + "Table", List.of(actions), getAtt(LogicalIds.table(table), "Arn"));
  }

  /**
   * The connections of a user or a tenant, which an action's {@code Notifier} reads to send a server event to them
   * ({@code toUser}, {@code toTenant}): Query on the two connection indexes, in every function that runs actions.
   */
  private static Map<String, Object> eventRecipients() {
    TableDefinition connections = StreamerTables.CONNECTIONS;
    return statement("EventRecipientsIndexes", List.of("dynamodb:Query"), List.of(
        sub(arnOf(connections) + "/index/" + StreamerTables.USER_CONNECTIONS_INDEX),
        sub(arnOf(connections) + "/index/" + StreamerTables.TENANT_CONNECTIONS_INDEX)));
  }

  /** Sends, connection info and disconnects through the Management API of this API only. */
  private static Map<String, Object> manageConnections() {
    return statement("ManageConnections", List.of("execute-api:ManageConnections"),
        sub("arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${" + LogicalIds.WEBSOCKET_API
            + "}/*"));
  }

  private static String arnOf(TableDefinition table) {
    return "${" + LogicalIds.table(table) + ".Arn}";
  }

  private static Map<String, Object> statement(String sid, List<String> actions, Object resource) {
    return map("Sid", sid, "Effect", "Allow", "Action", actions, "Resource", resource);
  }
}
