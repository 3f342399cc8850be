package dev.streamer.deploy.sam;

import static dev.streamer.deploy.sam.Cfn.alias;
import static dev.streamer.deploy.sam.Cfn.join;
import static dev.streamer.deploy.sam.Cfn.map;
import static dev.streamer.deploy.sam.Cfn.ref;
import static dev.streamer.deploy.sam.Cfn.sub;

import dev.streamer.deploy.app.DeployedApp;
import dev.streamer.deploy.yaml.YamlWriter;
import dev.streamer.core.app.HandlerKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The WebSocket API: route selection on {@code $request.body.action}; {@code $connect}, {@code $disconnect} and
 * {@code $default}, each a Lambda proxy integration of its function's published alias; a route response on
 * {@code $default}, because the router returns its reply as the response body and API Gateway sends it back on the
 * socket only for a two-way route; a deployment and stage; and the permissions for API Gateway to invoke the
 * aliases.
 */
public final class WebSocketResources {

  private record RouteSpec(String key, String name, HandlerKind handler) {}

  private static final List<RouteSpec> ROUTES = List.of(
      new RouteSpec("$connect", "Connect", HandlerKind.CONNECT),
      new RouteSpec("$disconnect", "Disconnect", HandlerKind.DISCONNECT),
      new RouteSpec("$default", "Default", HandlerKind.DEFAULT));

  private WebSocketResources() {}

  public static Map<String, Object> of(DeployedApp app) {
    Map<String, Object> routing = new LinkedHashMap<>();
    List<String> routeIds = new ArrayList<>();
    for (RouteSpec route : ROUTES) {
      String function = LogicalIds.function(app, route.handler());
      routing.put(route.name() + "Integration", Cfn.resource("AWS::ApiGatewayV2::Integration", map(
          "ApiId", ref(LogicalIds.WEBSOCKET_API),
          "IntegrationType", "AWS_PROXY",
          "IntegrationUri", join("", List.of(
              sub("arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/"),
              alias(function), "/invocations")))));
      routing.put(route.name() + "Route", Cfn.resource("AWS::ApiGatewayV2::Route", map(
          "ApiId", ref(LogicalIds.WEBSOCKET_API),
          "RouteKey", route.key(),
          "AuthorizationType", "NONE",
          "OperationName", route.name(),
          "RouteResponseSelectionExpression", route.handler() == HandlerKind.DEFAULT ? "$default" : null,
          "Target", join("/", List.of("integrations", ref(route.name() + "Integration"))))));
      routeIds.add(route.name() + "Route");
    }
    routing.put("DefaultRouteResponse", Cfn.resource("AWS::ApiGatewayV2::RouteResponse", map(
        "ApiId", ref(LogicalIds.WEBSOCKET_API),
        "RouteId", ref("DefaultRoute"),
        "RouteResponseKey", "$default")));
    routeIds.add("DefaultRouteResponse");

    Map<String, Object> resources = new LinkedHashMap<>();
    resources.put(LogicalIds.WEBSOCKET_API, Cfn.resource("AWS::ApiGatewayV2::Api", map(
        "Name", sub("${AWS::StackName}-websocket"),
        "Description", "Streamer application " + app.appName(),
        "ProtocolType", "WEBSOCKET",
        "RouteSelectionExpression", "$request.body.action")));
    resources.putAll(routing);
    // A deployment is immutable: a new logical id (from the routes' content) makes CloudFormation deploy changes.
    String deployment = "WebSocketDeployment" + fingerprint(routing);
    Map<String, Object> deploymentResource = map(
        "Type", "AWS::ApiGatewayV2::Deployment",
        "DependsOn", routeIds,
        "Properties", map("ApiId", ref(LogicalIds.WEBSOCKET_API)));
    resources.put(deployment, deploymentResource);
    resources.put(LogicalIds.STAGE, Cfn.resource("AWS::ApiGatewayV2::Stage", map(
        "ApiId", ref(LogicalIds.WEBSOCKET_API),
        "StageName", ref(Parameters.STAGE_NAME),
        "DeploymentId", ref(deployment),
        "Description", "Streamer application " + app.appName())));
    for (RouteSpec route : ROUTES) {
      resources.put(route.name() + "Permission", Cfn.resource("AWS::Lambda::Permission", map(
          "Action", "lambda:InvokeFunction",
          "FunctionName", alias(LogicalIds.function(app, route.handler())),
          "Principal", "apigateway.amazonaws.com",
          "SourceArn", sub("arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${"
              + LogicalIds.WEBSOCKET_API + "}/*/" + route.key()))));
    }
    return resources;
  }

  private static String fingerprint(Map<String, Object> routing) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(YamlWriter.write(routing).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 5);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
