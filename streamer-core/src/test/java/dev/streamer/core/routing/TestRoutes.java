package dev.streamer.core.routing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import dev.streamer.core.Progress;
import dev.streamer.core.RequestContext;
import dev.streamer.core.json.JsonDecodeException;
import dev.streamer.core.validation.Path;
import dev.streamer.core.validation.Violations;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Hand-written routes that mimic generated code: a streaming decoder that reports the JSON path of a fault, a
 * validator that collects every violation, and a direct call of the action.
 */
final class TestRoutes {

  private TestRoutes() {}

  record Echo(String text, int times) {}

  record Item(String sku, int quantity) {}

  record Order(List<Item> items) {}

  record Report(int recordCount) {}

  /** Sync action {@code echo}: {"text": string (NotBlank), "times": int (1..10)} → {"text": repeated}. */
  static final class EchoRoute extends BaseRoute<Echo, String> {
    RequestContext lastContext;
    Progress lastProgress;
    /** What {@link #takesProgress()} answers: an action with a Progress parameter, unless a test says not. */
    boolean takesProgress = true;

    EchoRoute() {
      super("echo", -1, false);
    }

    @Override
    public boolean takesProgress() {
      return takesProgress;
    }

    @Override
    public Echo decode(JsonParser p) throws IOException {
      expect(p, JsonToken.START_OBJECT, Path.ROOT, "an object");
      String text = null;
      int times = 1;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        switch (name) {
          case "text" -> text = readString(p, Path.ROOT.field("text"));
          case "times" -> times = readInt(p, Path.ROOT.field("times"));
          default -> p.skipChildren();
        }
      }
      if (text == null) {
        throw new JsonDecodeException("text", "is required");
      }
      return new Echo(text, times);
    }

    @Override
    public void validate(Echo payload, Violations violations) {
      if (payload.text().isBlank()) {
        violations.add("text", "NotBlank", "must not be blank");
      }
      if (payload.times() < 1) {
        violations.add("times", "Min", "must be at least 1");
      }
      if (payload.times() > 10) {
        violations.add("times", "Max", "must be at most 10");
      }
    }

    @Override
    public String invoke(Echo payload, RequestContext context, Progress progress) {
      lastContext = context;
      lastProgress = progress;
      return payload.text().repeat(payload.times());
    }

    @Override
    public void writeResult(String result, JsonGenerator g) throws IOException {
      g.writeStartObject();
      g.writeStringField("text", result);
      g.writeEndObject();
    }
  }

  /** Sync action {@code process_data}: {"items": [{"sku": string, "quantity": int (Min 1)}]} → item count. */
  static final class OrderRoute extends BaseRoute<Order, Integer> {
    OrderRoute() {
      super("process_data", 200, false);
    }

    @Override
    public Order decode(JsonParser p) throws IOException {
      expect(p, JsonToken.START_OBJECT, Path.ROOT, "an object");
      List<Item> items = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        if (name.equals("items")) {
          Path itemsPath = Path.ROOT.field("items");
          expect(p, JsonToken.START_ARRAY, itemsPath, "an array");
          items = new ArrayList<>();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            items.add(readItem(p, itemsPath.index(items.size())));
          }
        } else {
          p.skipChildren();
        }
      }
      if (items == null) {
        throw new JsonDecodeException("items", "is required");
      }
      return new Order(items);
    }

    private static Item readItem(JsonParser p, Path path) throws IOException {
      expect(p, JsonToken.START_OBJECT, path, "an object");
      String sku = null;
      int quantity = 0;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        switch (name) {
          case "sku" -> sku = readString(p, path.field("sku"));
          case "quantity" -> quantity = readInt(p, path.field("quantity"));
          default -> p.skipChildren();
        }
      }
      return new Item(sku, quantity);
    }

    @Override
    public void validate(Order payload, Violations violations) {
      for (int i = 0; i < payload.items().size(); i++) {
        Item item = payload.items().get(i);
        Path path = Path.ROOT.field("items").index(i);
        if (item.sku() == null || item.sku().isBlank()) {
          violations.add(path.fieldText("sku"), "NotBlank", "must not be blank");
        }
        if (item.quantity() < 1) {
          violations.add(path.fieldText("quantity"), "Min", "must be at least 1");
        }
      }
    }

    @Override
    public Integer invoke(Order payload, RequestContext context, Progress progress) {
      return payload.items().size();
    }

    @Override
    public void writeResult(Integer result, JsonGenerator g) throws IOException {
      g.writeNumber(result);
    }
  }

  /**
   * Action with payload {"recordCount": int}; optionally declares a per-request decision like {@code @QueueWhen}
   * ({@code recordCount > 1000}).
   */
  static class ReportRoute extends BaseRoute<Report, String> {
    private final boolean declaresQueueWhen;

    ReportRoute(String action, long estimatedMillis, boolean async, boolean declaresQueueWhen) {
      super(action, estimatedMillis, async);
      this.declaresQueueWhen = declaresQueueWhen;
    }

    @Override
    public Report decode(JsonParser p) throws IOException {
      expect(p, JsonToken.START_OBJECT, Path.ROOT, "an object");
      int count = 0;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        if (name.equals("recordCount")) {
          count = readInt(p, Path.ROOT.field("recordCount"));
        } else {
          p.skipChildren();
        }
      }
      return new Report(count);
    }

    @Override
    public void validate(Report payload, Violations violations) {
      if (payload.recordCount() < 0) {
        violations.add("recordCount", "PositiveOrZero", "must be zero or more");
      }
    }

    @Override
    public Boolean queueWhen(Report payload) {
      return declaresQueueWhen ? payload.recordCount() > 1000 : null;
    }

    @Override
    public String invoke(Report payload, RequestContext context, Progress progress) {
      return "report of " + payload.recordCount();
    }

    @Override
    public void writeResult(String result, JsonGenerator g) throws IOException {
      g.writeString(result);
    }
  }

  /** Action without payload whose body is given by the test: returns a value or throws. */
  static class CallRoute extends BaseRoute<Void, Object> {
    private final Callable<Object> body;

    CallRoute(String action, Callable<Object> body) {
      super(action, -1, false);
      this.body = body;
    }

    @Override
    public Void decode(JsonParser p) throws IOException {
      if (p.currentToken() != null && p.currentToken() != JsonToken.VALUE_NULL) {
        throw new JsonDecodeException("", "this action takes no payload");
      }
      return null;
    }

    @Override
    public void validate(Void payload, Violations violations) {}

    @Override
    public Object invoke(Void payload, RequestContext context, Progress progress) throws Exception {
      return body.call();
    }

    @Override
    public void writeResult(Object result, JsonGenerator g) throws IOException {
      if (result == null) {
        g.writeNull();
      } else {
        g.writeString(result.toString());
      }
    }
  }

  abstract static class BaseRoute<P, R> implements Route<P, R> {
    private final String action;
    private final long estimatedMillis;
    private final boolean async;

    BaseRoute(String action, long estimatedMillis, boolean async) {
      this.action = action;
      this.estimatedMillis = estimatedMillis;
      this.async = async;
    }

    @Override
    public String action() {
      return action;
    }

    @Override
    public String description() {
      return "";
    }

    @Override
    public long estimatedMillis() {
      return estimatedMillis;
    }

    @Override
    public boolean async() {
      return async;
    }
  }

  static void expect(JsonParser p, JsonToken token, Path path, String what) {
    if (p.currentToken() != token) {
      throw new JsonDecodeException(path.toString(), "expected " + what);
    }
  }

  static String readString(JsonParser p, Path path) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      p.skipChildren();
      throw new JsonDecodeException(path.toString(), "expected a string");
    }
    return p.getText();
  }

  static int readInt(JsonParser p, Path path) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
      throw new JsonDecodeException(path.toString(), "expected an integer");
    }
    try {
      return p.getIntValue();
    } catch (InputCoercionException e) {
      throw new JsonDecodeException(path.toString(), "out of range for int");
    }
  }
}
