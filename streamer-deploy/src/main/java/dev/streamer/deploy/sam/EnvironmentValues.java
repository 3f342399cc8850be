package dev.streamer.deploy.sam;

import static dev.streamer.deploy.sam.Cfn.alias;
import static dev.streamer.deploy.sam.Cfn.ifThen;
import static dev.streamer.deploy.sam.Cfn.ref;
import static dev.streamer.deploy.sam.Cfn.sub;

import dev.streamer.deploy.app.DeployedApp;
import dev.streamer.runtime.aws.config.EnvironmentVariables;
import dev.streamer.runtime.aws.lambda.AwsRuntime;
import dev.streamer.core.app.HandlerKind;
import dev.streamer.runtime.aws.config.EnvironmentVariables.Variable;
import dev.streamer.runtime.aws.tables.StreamerTables;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The value of each template-set variable ({@link EnvironmentVariables#templateVariables}): table names from the
 * table resources, JWT settings from the parameters (the secret and key through dynamic references), the rest at
 * the runtime's own default, written out so it can be seen and changed. An empty value means unset to the runtime.
 */
public final class EnvironmentValues {

  private EnvironmentValues() {}

  /** Variables every function reads: the {@code Globals} section. */
  public static Map<String, Object> common() {
    List<Variable> shared = EnvironmentVariables.templateVariables(HandlerKind.CONNECT).stream()
        .filter(v -> v.readBy().containsAll(EnumSet.allOf(HandlerKind.class)))
        .toList();
    return values(shared);
  }

  /**
   * Variables of {@code handler} beyond {@link #common()}; {@code WORKER_FUNCTION} (the worker's alias) only when
   * {@code app} has a worker.
   */
  public static Map<String, Object> specific(DeployedApp app, HandlerKind handler) {
    Set<String> shared = common().keySet();
    Map<String, Object> values = values(EnvironmentVariables.templateVariables(handler).stream()
        .filter(v -> !shared.contains(v.name()))
        .filter(v -> !v.name().equals(AwsRuntime.WORKER_FUNCTION) || app.has(HandlerKind.WORKER))
        .toList());
    if (values.containsKey(AwsRuntime.WORKER_FUNCTION)) {
      values.put(AwsRuntime.WORKER_FUNCTION, alias(LogicalIds.function(app, HandlerKind.WORKER)));
    }
    return values;
  }

  private static Map<String, Object> values(List<Variable> variables) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Variable variable : variables) {
      values.put(variable.name(), value(variable));
    }
    return values;
  }

  static Object value(Variable variable) {
    return switch (variable.name()) {
      case "REQUESTS_TABLE" -> ref(LogicalIds.table(StreamerTables.REQUESTS));
      case "CONNECTIONS_TABLE" -> ref(LogicalIds.table(StreamerTables.CONNECTIONS));
      case "SERVICE_NAME" -> ref("AWS::StackName");
      case "LOG_LEVEL" -> ref(Parameters.LOG_LEVEL);
      case "JWT_ALGORITHM" -> ref(Parameters.JWT_ALGORITHM);
      case "JWT_SECRET" -> ifThen(Parameters.HAS_JWT_SECRET,
          sub("{{resolve:secretsmanager:${" + Parameters.JWT_SECRET_ID + "}:SecretString}}"), "");
      case "JWT_PUBLIC_KEY" -> ifThen(Parameters.HAS_JWT_PUBLIC_KEY,
          sub("{{resolve:ssm:${" + Parameters.JWT_PUBLIC_KEY_PARAMETER + "}}}"), "");
      case "JWT_JWKS_URL" -> ref(Parameters.JWT_JWKS_URL);
      case "JWT_ISSUER" -> ref(Parameters.JWT_ISSUER);
      case "JWT_AUDIENCE" -> ref(Parameters.JWT_AUDIENCE);
      case "ALLOWED_TENANTS" -> ref(Parameters.ALLOWED_TENANTS);
      default -> variable.defaultValue();
    };
  }
}
