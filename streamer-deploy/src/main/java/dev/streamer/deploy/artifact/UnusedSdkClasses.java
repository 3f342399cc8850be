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
 * The AWS SDK classes of a Lambda jar that no code path of the application can load: the model shapes (and
 * paginators) that only operations the application never calls use.
 *
 * <p>Each SDK v2 service client has a method per operation, so a constant-pool closure from the client keeps the whole
 * model. This analysis cuts it at the client: an <em>operation</em> is {@code X} with a
 * {@code transform/XRequestMarshaller}; its classes are {@code XRequest*}, {@code XResponse*},
 * {@code XRequestMarshaller*}, {@code XIterable*}, {@code XPublisher*}. It is <em>used</em> when a class other than
 * the dispatchers (the service's {@code *Client} classes and its endpoint interceptor, which name every operation)
 * and its own classes references one of them: Streamer's runtime, the application, or another SDK class such as endpoint discovery. The
 * closure from every class outside {@code model/}, {@code transform/} and {@code paginators/} then keeps what it
 * reaches, stopping at the classes of unused operations: those stay in the jar (the verifier loads the request
 * classes when it links the client, the endpoint interceptor tests them with {@code instanceof}) but nothing runs
 * their code, so what only they reference is never loaded. Conservative: every constant-pool name counts
 * ({@link ClassReferences}); only classes under a service's {@code model/} and {@code paginators/} are removed.
 */
public final class UnusedSdkClasses {

  private static final String SERVICES = "software/amazon/awssdk/services/";
  private static final Pattern MARSHALLER = Pattern.compile(SERVICES + "(\\w+)/transform/(\\w+)RequestMarshaller");
  private static final Pattern OPERATION_CLASS = Pattern.compile(
      SERVICES + "(\\w+)/(?:model|transform|paginators)/(\\w+?)"
          + "(?:Request|Response|RequestMarshaller|Iterable|Publisher)(?:\\$.*)?");
  private static final Pattern DISPATCHER = Pattern.compile(
      SERVICES + "\\w+/(?:\\w+Client|endpoints/internal/\\w+ResolveEndpointInterceptor)");
  private static final Pattern GENERATED = Pattern.compile(SERVICES + "\\w+/(?:model|transform|paginators)/.*");
  private static final Pattern REMOVABLE = Pattern.compile(SERVICES + "\\w+/(?:model|paginators)/.*");

  /**
   * @param used operations kept, as {@code service/Operation}
   * @param unusedButLoadable classes of unused operations kept in the jar (loaded, never run)
   * @param removable classes no code path loads
   */
  public record Result(Set<String> used, Set<String> unusedButLoadable, Set<String> removable) {}

  private UnusedSdkClasses() {}

  /** {@code references}: every class of the jar (internal name) to the names its constant pool holds. */
  public static Result of(Map<String, Set<String>> references) {
    Set<String> operations = new HashSet<>();
    for (String name : references.keySet()) {
      Matcher marshaller = MARSHALLER.matcher(name);
      if (marshaller.matches()) {
        operations.add(marshaller.group(1) + "/" + marshaller.group(2));
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
    references.keySet().stream().filter(name -> !GENERATED.matcher(name).matches()).forEach(pending::add);
    while (!pending.isEmpty()) {
      String name = pending.pop();
      if (!references.containsKey(name) || reached.contains(name) || loadable.contains(name)) {
        continue;
      }
      String operation = operation(name, operations);
      if (operation != null && !used.contains(operation)) {
        loadable.add(name);
        continue;
      }
      reached.add(name);
      pending.addAll(references.get(name));
    }
    Set<String> removable = new TreeSet<>();
    for (String name : references.keySet()) {
      if (!reached.contains(name) && !loadable.contains(name) && REMOVABLE.matcher(name).matches()) {
        removable.add(name);
      }
    }
    return new Result(used, loadable, removable);
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
