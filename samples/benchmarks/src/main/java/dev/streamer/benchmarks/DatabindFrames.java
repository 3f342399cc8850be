package dev.streamer.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamer.core.routing.RequestIds;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The router's whole job done the way a user would write it with databind and Hibernate Validator: read the frame
 * with the payload kept as a tree until the action is known, look the action up, convert the tree, take a request id
 * (the router's own generator, so that only the JSON and validation differ), validate, invoke reflectively, and write
 * the same reply message (result, or the error with its violations). The same work as the {@code full} benchmark,
 * with the same mapper and validator, warm and shared.
 */
final class DatabindFrames {

  /** The client message as databind reads it. */
  record Frame(String id, String action, JsonNode payload) {}

  record ResultReply(String type, String id, String requestId, boolean success, Object data) {}

  record ErrorReply(String type, String id, String requestId, boolean success, ErrorBody error) {}

  record ErrorBody(String code, String message, Map<String, Object> details, Map<String, Object> retry) {}

  record ViolationBody(String path, String constraint, String message) {}

  private record Target(Class<?> type, Method method) {}

  private final ObjectMapper mapper;
  private final Validator validator;
  private final Object handler;
  private final Map<String, Target> actions;

  DatabindFrames(ObjectMapper mapper, Validator validator, Object handler, String action, Class<?> type,
      Method method) {
    this.mapper = mapper;
    this.validator = validator;
    this.handler = handler;
    this.actions = Map.of(action, new Target(type, method));
  }

  byte[] handle(byte[] frame) throws Exception {
    Frame message = mapper.readValue(frame, Frame.class);
    Target target = actions.get(message.action());
    Object payload = mapper.treeToValue(message.payload(), target.type());
    String requestId = RequestIds.next();
    Set<ConstraintViolation<Object>> violations = validator.validate(payload);
    if (!violations.isEmpty()) {
      List<ViolationBody> list = new ArrayList<>(violations.size());
      for (ConstraintViolation<Object> v : violations) {
        list.add(new ViolationBody(v.getPropertyPath().toString(),
            v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(), v.getMessage()));
      }
      int n = list.size();
      return mapper.writeValueAsBytes(new ErrorReply("error", message.id(), requestId, false,
          new ErrorBody("VALIDATION_ERROR", "payload has " + n + (n == 1 ? " constraint violation"
              : " constraint violations"), Map.of("violations", list), Map.of("retryable", false))));
    }
    Object result = target.method().invoke(handler, payload);
    return mapper.writeValueAsBytes(new ResultReply("result", message.id(), requestId, true, result));
  }
}
