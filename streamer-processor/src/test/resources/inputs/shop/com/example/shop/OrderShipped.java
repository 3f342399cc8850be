package com.example.shop;

import dev.streamer.annotations.Event;
import java.time.Instant;
import java.util.UUID;

/** A server event that is also a payload record. */
@Event(value = "order_shipped", description = "An order left the warehouse")
public record OrderShipped(UUID orderId, Instant shippedAt, Priority priority) {}
