package dev.streamer.processor.model;

import com.palantir.javapoet.ClassName;
import dev.streamer.core.limits.RateLimit;
import java.util.List;
import javax.lang.model.element.ExecutableElement;

/**
 * One {@code @Action} method.
 *
 * @param name            action name on the wire
 * @param methodName      the handler method
 * @param handler         the handler class
 * @param payload         the payload record, or null when the method takes none
 * @param params          the method's parameters in declared order
 * @param result          what it returns
 * @param estimatedMillis {@code @Action(estimated)} in milliseconds, or -1 when not declared
 * @param async           estimated strictly greater than the threshold
 * @param isolated        {@code @Action(isolated)}: each request runs in its own worker invocation
 * @param description     {@code @Action(description)}
 * @param queueWhen       the payload's {@code @QueueWhen} method, or null
 * @param rateLimit       {@code @Action(rateLimit)} parsed, or null
 * @param tenantRateLimit {@code @Action(tenantRateLimit)} parsed, or null
 * @param element         the method (originating element)
 */
public record ActionModel(
    String name,
    String methodName,
    ClassName handler,
    ClassName payload,
    List<ParamKind> params,
    ResultModel result,
    long estimatedMillis,
    boolean async,
    boolean isolated,
    String description,
    String queueWhen,
    RateLimit rateLimit,
    RateLimit tenantRateLimit,
    ExecutableElement element) {

  public ActionModel {
    params = List.copyOf(params);
  }

  public boolean hasPayload() {
    return payload != null;
  }
}
