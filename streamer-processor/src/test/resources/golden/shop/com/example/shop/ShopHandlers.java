package com.example.shop;

import com.example.shop.reports.Reports;
import dev.streamer.core.routing.Interceptor;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Supplies the handler instances of application {@code Shop}: one method per class declaring
 * {@code @Action} methods. Each method is called once per route table. Methods with a default body use
 * the public no-arg constructor; to build handlers that have dependencies, implement this interface
 * (on a {@code @HandlerFactory} class, or pass an instance to {@link ShopRouteTable#create(ShopHandlers)}).
 */
@Generated("dev.streamer.processor.StreamerProcessor")
public interface ShopHandlers {
  /**
   * The {@link Orders} instance; by default a new one.
   */
  default Orders orders() {
    return new Orders();
  }

  /**
   * The {@link Reports} instance; by default a new one.
   */
  default Reports reports() {
    return new Reports();
  }

  /**
   * Interceptors around every action, outermost first ({@link Interceptor}): sync, enqueue and async runs, in
   * {@code $default} and the stream processor. None by default.
   */
  default List<Interceptor> interceptors() {
    return List.of();
  }
}
