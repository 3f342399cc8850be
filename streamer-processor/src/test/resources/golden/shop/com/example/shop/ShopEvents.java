package com.example.shop;

import dev.streamer.core.event.EventRegistry;
import dev.streamer.core.event.EventType;
import javax.annotation.processing.Generated;

/**
 * The server events of application {@code Shop}: one constant per {@code @Event} record, and
 * {@link #REGISTRY} of them all. Listen with the Java client's {@code onEvent(constant, listener)}.
 */
@Generated("dev.streamer.processor.StreamerProcessor")
public final class ShopEvents {
  /**
   * Event {@code order_shipped}: {@link OrderShipped}. An order left the warehouse
   */
  public static final EventType<OrderShipped> ORDER_SHIPPED = new EventType<>("order_shipped", OrderShipped.class, OrderShippedJson.WRITER, OrderShippedJson.READER);

  /**
   * Every event type of the application.
   */
  public static final EventRegistry REGISTRY = EventRegistry.of(ORDER_SHIPPED);

  private ShopEvents() {
  }
}
