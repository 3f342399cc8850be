package com.example.shop;

import dev.streamer.annotations.Action;
import dev.streamer.core.Notifier;
import dev.streamer.core.RequestContext;
import java.util.List;
import java.util.UUID;

public class Orders {

  @Action(description = "Places an order")
  public OrderReceipt placeOrder(RequestContext context, OrderRequest request) {
    return new OrderReceipt(UUID.randomUUID(), null, request.items(), null, new long[0], null);
  }

  /** No payload, no result. */
  @Action
  public void ping() {}

  /** Tells every connection of the caller's tenant. */
  @Action
  public void ship(Notifier notifier, OrderShipped shipped) {
    notifier.toTenant(shipped);
  }

  @Action(name = "list_priorities")
  public List<Priority> priorities() {
    return List.of(Priority.values());
  }
}
