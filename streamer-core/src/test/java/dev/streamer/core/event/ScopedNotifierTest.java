package dev.streamer.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamer.core.Delivery;
import dev.streamer.core.EventTooLargeException;
import dev.streamer.core.Notifier;
import dev.streamer.core.json.JsonRead;
import dev.streamer.core.protocol.Limits;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScopedNotifierTest {

  record Price(String sku, String text) {}

  record NotAnEvent(String x) {}

  static final EventType<Price> PRICE = new EventType<>("price_changed", Price.class,
      (g, p) -> {
        g.writeStartObject();
        g.writeStringField("sku", p.sku());
        g.writeStringField("text", p.text());
        g.writeEndObject();
      },
      parser -> {
        JsonRead.skipValue(parser);
        return new Price("?", "?");
      });

  static final EventRegistry REGISTRY = EventRegistry.of(PRICE);

  /** One call the notifier made on its sink. */
  record Call(String kind, String tenantId, String target, String event, String message) {}

  static final class RecordingSink implements EventSink {
    final List<Call> calls = new ArrayList<>();

    @Override
    public Delivery toUser(String tenantId, String userId, String event, String message) {
      calls.add(new Call("user", tenantId, userId, event, message));
      return new Delivery(2, 0, 0);
    }

    @Override
    public Delivery toTenant(String tenantId, String event, String message) {
      calls.add(new Call("tenant", tenantId, null, event, message));
      return new Delivery(3, 1, 0);
    }

    @Override
    public Delivery toConnection(String tenantId, String connectionId, String event, String message) {
      calls.add(new Call("connection", tenantId, connectionId, event, message));
      return new Delivery(1, 0, 0);
    }
  }

  private final RecordingSink sink = new RecordingSink();
  private final Notifier caller = ScopedNotifier.forCaller(REGISTRY, sink, "t1", "alice", "c-1");

  @Test
  void everyCallCarriesTheCallersTenantWhateverItAddresses() {
    caller.toCaller(new Price("a", "x"));
    caller.toUser("bob", new Price("a", "x"));
    caller.toTenant(new Price("a", "x"));
    caller.toConnection("c-other", new Price("a", "x"));
    assertEquals(List.of("user:t1:alice", "user:t1:bob", "tenant:t1:null", "connection:t1:c-other"),
        sink.calls.stream().map(c -> c.kind() + ":" + c.tenantId() + ":" + c.target()).toList());
  }

  @Test
  void theMessageIsTheWireEventWithTheRecordsGeneratedEncoding() throws Exception {
    Delivery delivery = caller.toTenant(new Price("sku-1", "now 5 €"));
    assertEquals(new Delivery(3, 1, 0), delivery);
    JsonNode message = new ObjectMapper().readTree(sink.calls.get(0).message());
    assertEquals("event", message.get("type").asText());
    assertEquals("price_changed", message.get("event").asText());
    assertEquals("sku-1", message.get("data").get("sku").asText());
    assertEquals("now 5 €", message.get("data").get("text").asText());
    assertNull(message.get("id"));
    assertEquals("price_changed", sink.calls.get(0).event());
  }

  @Test
  void aRecordThatIsNotAnEventIsRefusedBeforeSending() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> caller.toTenant(new NotAnEvent("x")));
    assertTrue(e.getMessage().contains("not an @Event record"), e.getMessage());
    assertTrue(sink.calls.isEmpty());
  }

  @Test
  void anEventOverTheMessageLimitIsATypedErrorBeforeSending() {
    // 'é' is two UTF-8 bytes: 70,000 chars fit the char count but not the byte limit
    String text = "é".repeat(70_000);
    EventTooLargeException e = assertThrows(EventTooLargeException.class,
        () -> caller.toTenant(new Price("a", text)));
    assertEquals("price_changed", e.event());
    assertEquals(Limits.MAX_MESSAGE_BYTES, e.limitBytes());
    assertTrue(e.sizeBytes() > Limits.MAX_MESSAGE_BYTES);
    assertTrue(sink.calls.isEmpty());
  }

  @Test
  void anEventJustUnderTheLimitIsSent() {
    String envelope = PRICE.message(new Price("a", ""));
    String text = "x".repeat(Limits.MAX_MESSAGE_BYTES - envelope.length());
    caller.toTenant(new Price("a", text));
    assertEquals(Limits.MAX_MESSAGE_BYTES, sink.calls.get(0).message().length());
  }

  @Test
  void aCallerWithoutUserIsReachedOnItsConnection() {
    ScopedNotifier.forCaller(REGISTRY, sink, "t1", null, "c-9").toCaller(new Price("a", "x"));
    assertEquals(new Call("connection", "t1", "c-9", "price_changed", sink.calls.get(0).message()), sink.calls.get(0));
  }

  @Test
  void aCallerWithoutTenantCannotNotify() {
    Notifier anonymous = ScopedNotifier.forCaller(REGISTRY, sink, null, "alice", "c-1");
    assertSame(Notifier.unavailable(), anonymous);
    assertThrows(IllegalStateException.class, () -> anonymous.toTenant(new Price("a", "x")));
  }

  @Test
  void thePrivilegedNotifierHasATenantButNoCaller() {
    Notifier tenant = ScopedNotifier.forTenant(REGISTRY, sink, "t2");
    tenant.toUser("carol", new Price("a", "x"));
    assertEquals("t2", sink.calls.get(0).tenantId());
    assertThrows(IllegalStateException.class, () -> tenant.toCaller(new Price("a", "x")));
    assertThrows(IllegalArgumentException.class, () -> ScopedNotifier.forTenant(REGISTRY, sink, " "));
  }

  @Test
  void registryRefusesDuplicateNamesAndFindsByClassAndName() {
    assertSame(PRICE, REGISTRY.find(Price.class));
    assertSame(PRICE, REGISTRY.named("price_changed"));
    assertNull(REGISTRY.find(NotAnEvent.class));
    EventType<NotAnEvent> clash = new EventType<>("price_changed", NotAnEvent.class, (g, v) -> g.writeNull(),
        p -> null);
    assertThrows(IllegalArgumentException.class, () -> EventRegistry.of(PRICE, clash));
    assertThrows(IllegalArgumentException.class, () -> new EventType<>("Price", Price.class, PRICE.writer(),
        PRICE.reader()));
  }
}
