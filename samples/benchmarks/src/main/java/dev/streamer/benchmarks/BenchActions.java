package dev.streamer.benchmarks;

import dev.streamer.annotations.Action;
import java.math.BigDecimal;

/** The actions both paths dispatch to. Deliberately cheap, so the benchmark measures the framework. */
public final class BenchActions {

  @Action
  public Pong ping(Ping ping) {
    return new Pong(ping.message(), ping.sequence());
  }

  @Action
  public OrderTotal placeOrder(Order order) {
    BigDecimal total = BigDecimal.ZERO;
    for (OrderLine line : order.lines()) {
      total = total.add(line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())));
    }
    return new OrderTotal(order.customerId(), order.lines().size(), total);
  }

  @Action
  public String checkHostile(Hostile hostile) {
    return "accepted";
  }

  @Action
  public WideOrder.Receipt placeWide(WideOrder order) {
    BigDecimal total = BigDecimal.ZERO;
    for (WideOrder.Item item : order.items()) {
      total = total.add(item.price().multiply(BigDecimal.valueOf(item.quantity())));
    }
    return new WideOrder.Receipt(order.orderRef(), order.items().size(), total);
  }
}
