package dev.streamer.runtime.aws.lambda;

import dev.streamer.core.protocol.Envelope;
import dev.streamer.core.protocol.Messages;
import dev.streamer.core.routing.ActionRoute;
import dev.streamer.core.routing.RequestIds;
import dev.streamer.core.routing.Route;
import dev.streamer.core.routing.RouteTable;
import dev.streamer.runtime.aws.internal.observability.JsonLog;
import dev.streamer.runtime.aws.internal.observability.LogFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.PostToConnectionRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * SnapStart priming: a CRaC resource whose {@link #beforeCheckpoint()} runs, before Lambda snapshots an initialised
 * execution environment, the code every first request would otherwise load and JIT-compile:
 *
 * <ul>
 *   <li>each route of the app ({@link ActionRoute#prime()}): decode, validate and encode of the synthetic example the
 *       processor generated for it. The action itself never runs, so no user code and no I/O;</li>
 *   <li>the SDK request model classes the function uses (DynamoDB items, {@code @connections} posts), by building
 *       requests that are never sent;</li>
 *   <li>the envelope reader and the server message writer.</li>
 * </ul>
 *
 * <p>No network call is made and no credentials are read: the clients the runtime built during initialisation hold no
 * connection yet, and nothing unique is captured in the snapshot (no random seed is drawn here, request-id
 * generators are renewed after a restore ({@link RequestIds#discardBuffered()}), and {@code ThreadLocalRandom} is per
 * thread and re-seeded for threads created after restore). Outside
 * Lambda (no CRaC runtime) registering is a no-op. A failure is logged and never fails the checkpoint.
 */
public final class Priming {

  private final RouteTable routes;
  private final JsonLog log;
  /** Held here because CRaC holds resources weakly; null when not registered. */
  private Hook hook;

  private Priming(RouteTable routes, JsonLog log) {
    this.routes = routes;
    this.log = log;
  }

  /** Set by Lambda: {@code on-demand}, {@code provisioned-concurrency} or {@code snap-start}. */
  static final String INITIALIZATION_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";

  /**
   * Priming for a function: of {@code routes} (null for a function that runs no action), registered with CRaC. Only
   * {@link AwsRuntime#registerPriming} calls it, when {@value #INITIALIZATION_TYPE} says a snapshot may be taken, so
   * that an ordinary cold start loads neither this class nor CRaC's. The returned resource must stay reachable (CRaC
   * holds resources weakly): the function keeps it in a field.
   */
  static Priming register(RouteTable routes, JsonLog log) {
    Priming priming = new Priming(routes, log);
    priming.hook = Hook.register(priming);
    return priming;
  }

  /** Priming of {@code routes} that is not registered: what a function outside SnapStart gives when asked. */
  static Priming unregistered(RouteTable routes, JsonLog log) {
    return new Priming(routes, log);
  }

  /**
   * The CRaC resource, a class of its own (registering included: the verifier of a class that passes a Hook as a
   * Resource loads Resource) so that a function that registers none (an ordinary cold start) never loads the CRaC
   * interfaces.
   */
  private static final class Hook implements Resource {
    private final Priming priming;

    private Hook(Priming priming) {
      this.priming = priming;
    }

    static Hook register(Priming priming) {
      Hook hook = new Hook(priming);
      Core.getGlobalContext().register(hook);
      return hook;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
      priming.beforeCheckpoint();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
      priming.afterRestore();
    }
  }

  /** What the checkpoint runs: {@link #prime()}, logged. */
  public void beforeCheckpoint() {
    Result result = prime();
    log.info("primed before checkpoint", LogFields.empty().with("routes", result.primed().size())
        .with("failed", result.failed().size()));
  }

  /** What a restore runs. */
  public void afterRestore() {
    // priming made no connection; the request-id generators are renewed in case anything drew ids before the snapshot
    RequestIds.discardBuffered();
  }

  /** What {@link #prime()} did: the actions whose example ran, and those that failed (with the reason). */
  public record Result(List<String> primed, Map<String, String> failed) {}

  /** Runs the priming now (also what the checkpoint does); never throws. */
  public Result prime() {
    List<String> primed = new ArrayList<>();
    Map<String, String> failed = new java.util.TreeMap<>();
    if (routes != null) {
      java.util.Collection<Route<?, ?>> all;
      try {
        all = routes.routes(); // builds the lazy parts too (built-ins, request store): they may fail to build
      } catch (RuntimeException | LinkageError e) {
        failed.put("routes", e.toString());
        log.warn("priming failed", LogFields.empty(), e);
        all = List.of();
      }
      for (Route<?, ?> route : all) {
        if (route instanceof ActionRoute<?, ?> action) {
          try {
            action.prime();
            primed.add(route.action());
          } catch (Exception | LinkageError e) {
            failed.put(route.action(), e.toString());
            log.warn("priming failed", LogFields.empty().action(route.action()), e);
          }
        }
      }
      try {
        Envelope.class.getName(); // the envelope reader and the message writer, initialised
        Messages.result("prime", "prime", "null");
        Messages.ackUtf8("prime", "prime", "prime"); // the router's replies: Jackson's byte generator
      } catch (RuntimeException | LinkageError e) {
        failed.put("messages", e.toString());
      }
    }
    try {
      sdkRequests();
    } catch (RuntimeException | LinkageError e) {
      failed.put("sdk", e.toString());
    }
    return new Result(List.copyOf(primed), Map.copyOf(failed));
  }

  /** Builds (never sends) the SDK requests the functions make, which loads and initialises their model classes. */
  private static void sdkRequests() {
    Map<String, AttributeValue> key = Map.of("id", AttributeValue.fromS("prime"));
    GetItemRequest.builder().tableName("prime").key(key).consistentRead(true).build();
    PutItemRequest.builder().tableName("prime").item(Map.of("id", AttributeValue.fromS("prime"),
        "n", AttributeValue.fromN("1"), "m", AttributeValue.fromM(Map.of()))).build();
    UpdateItemRequest.builder().tableName("prime").key(key).updateExpression("SET #a = :a")
        .expressionAttributeNames(Map.of("#a", "a")).expressionAttributeValues(Map.of(":a", AttributeValue.fromS("a")))
        .build();
    DeleteItemRequest.builder().tableName("prime").key(key).build();
    QueryRequest.builder().tableName("prime").keyConditionExpression("#a = :a").build();
    PostToConnectionRequest.builder().connectionId("prime").data(SdkBytes.fromUtf8String("{}")).build();
  }
}
