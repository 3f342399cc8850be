package dev.streamer.deploy.artifact;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AWS SDK classes of a Lambda jar that no code path of the application can load: the model shapes, marshallers
 * and paginators that only operations the application never calls use, and the parts of a service's generated
 * endpoint and JMESPath support nothing refers to (SDK 2.34's endpoint providers are compiled code: the rule-engine
 * classes beside them are not used by them).
 *
 * <p>Each SDK v2 service client has a method per operation, so a constant-pool closure from the client keeps the whole
 * model. This analysis cuts it at the client: an <em>operation</em> is {@code X} with a
 * {@code model/XRequest} extending the service's base request; its classes are {@code XRequest*}, {@code XResponse*},
 * {@code XRequestMarshaller*}, {@code XIterable*}, {@code XPublisher*}. It is <em>used</em> when a class other than
 * the dispatchers (the service's {@code *Client} classes and its endpoint interceptor, which name every operation)
 * and its own classes references one of them: Streamer's runtime, the application, or another SDK class such as
 * endpoint discovery. The closure from every class outside the {@linkplain #PRUNABLE prunable packages} then keeps
 * what it reaches, stopping at the classes of unused operations. Of those only the request class itself stays, loaded
 * and never linked: the verifier loads it when it links the client (the client passes it where an {@code SdkRequest}
 * is expected) and the endpoint interceptor tests requests with {@code instanceof} against it. Its builders, the
 * response, the marshaller and the paginators are never loaded: the client creates them in code that runs only when
 * the operation is called, and the verifier does not load a class for {@code new}, {@code checkcast}, an
 * {@code invokedynamic} or an assignment to an interface type (JVMS §4.10.1.2). Conservative: every constant-pool name
 * counts ({@link ClassReferences}); only classes under the prunable packages are removed.
 */
public final class UnusedSdkClasses {

  private static final String SERVICES = "software/amazon/awssdk/services/";
  private static final Pattern MODEL_REQUEST = Pattern.compile(SERVICES + "(\\w+)/(?:\\w+/)?model/(\\w+)Request");
  private static final String AWS_REQUEST = "software/amazon/awssdk/awscore/AwsRequest";
  private static final Pattern OPERATION_CLASS = Pattern.compile(
      SERVICES + "(\\w+)/(?:\\w+/)?(?:model|transform|paginators)/(\\w+?)"
          + "(?:Request|Response|RequestMarshaller|Iterable|Publisher)(?:\\$.*)?");
  /** The class of an operation kept (loaded, not linked) when the operation is unused. */
  private static final Pattern REQUEST_CLASS = Pattern.compile(SERVICES + "\\w+/(?:\\w+/)?model/\\w+Request");
  /** A service's clients and endpoint interceptors (DynamoDB Streams' live under {@code dynamodb/streams/}). */
  private static final Pattern DISPATCHER = Pattern.compile(
      SERVICES + "\\w+/(?:\\w+/)?(?:\\w+Client|endpoints/internal/\\w+ResolveEndpointInterceptor)");
  /**
   * Packages whose classes stay only when reached: generated per service (and per nested service, such as
   * {@code dynamodb/streams/}), each class named where it is used.
   */
  static final Pattern PRUNABLE = Pattern.compile(
      SERVICES + "\\w+/(?:\\w+/)?(?:model|transform|paginators|waiters|endpoints/internal|jmespath/internal)/.*");

  /**
   * @param used operations kept, as {@code service/Operation}
   * @param unusedButLoadable request classes of unused operations kept in the jar (loaded, never linked or run)
   * @param removable classes no code path loads
   */
  public record Result(Set<String> used, Set<String> unusedButLoadable, Set<String> removable) {}

  private UnusedSdkClasses() {}

  /**
   * @param references every class of the jar (internal name) to the names its constant pool holds
   * @param supertypes every class of the jar to its superclass and direct interfaces (loaded when it is loaded)
   */
  public static Result of(Map<String, Set<String>> references, Map<String, Set<String>> supertypes) {
    Set<String> operations = new HashSet<>();
    for (String name : references.keySet()) {
      Matcher request = MODEL_REQUEST.matcher(name);
      if (request.matches() && isOperationRequest(name, supertypes)) {
        operations.add(request.group(1) + "/" + request.group(2));
      }
    }
    Set<String> used = new TreeSet<>();
    for (Map.Entry<String, Set<String>> entry : references.entrySet()) {
      if (DISPATCHER.matcher(entry.getKey()).matches()) {
        continue;
      }
      String own = operation(entry.getKey(), operations);
      for (String target : entry.getValue()) {
        String operation = operation(target, operations);
        if (operation != null && !operation.equals(own)) {
          used.add(operation);
        }
      }
    }
    Set<String> reached = new HashSet<>();
    Set<String> loadable = new TreeSet<>();
    Deque<String> pending = new ArrayDeque<>();
    references.keySet().stream().filter(name -> !PRUNABLE.matcher(name).matches()).forEach(pending::add);
    while (!pending.isEmpty()) {
      String name = pending.pop();
      if (!references.containsKey(name) || reached.contains(name) || loadable.contains(name)) {
        continue;
      }
      String operation = operation(name, operations);
      if (operation != null && !used.contains(operation)) {
        if (REQUEST_CLASS.matcher(name).matches()) {
          loadable.add(name);
          pending.addAll(supertypes.getOrDefault(name, Set.of()));
        }
        continue;
      }
      reached.add(name);
      pending.addAll(references.get(name));
    }
    Set<String> removable = new TreeSet<>();
    for (String name : references.keySet()) {
      if (!reached.contains(name) && !loadable.contains(name) && PRUNABLE.matcher(name).matches()) {
        removable.add(name);
      }
    }
    return new Result(used, loadable, removable);
  }

  /**
   * Whether {@code name} is an operation's input: its superclass is the service's base request, which extends
   * {@code AwsRequest} (known from the request class alone, so a pruned jar gives the same operations).
   */
  private static boolean isOperationRequest(String name, Map<String, Set<String>> supertypes) {
    for (String parent : supertypes.getOrDefault(name, Set.of())) {
      if (supertypes.getOrDefault(parent, Set.of()).contains(AWS_REQUEST)) {
        return true;
      }
    }
    return false;
  }

  /** {@code service/Operation} whose class {@code name} is, or null. */
  static String operation(String name, Set<String> operations) {
    Matcher matcher = OPERATION_CLASS.matcher(name);
    if (!matcher.matches()) {
      return null;
    }
    String operation = matcher.group(1) + "/" + matcher.group(2);
    return operations.contains(operation) ? operation : null;
  }
}
