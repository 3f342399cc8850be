package com.example.shop;

import dev.streamer.core.validation.Constraints;
import dev.streamer.core.validation.Path;
import dev.streamer.core.validation.Validator;
import dev.streamer.core.validation.Violations;
import java.math.BigDecimal;
import javax.annotation.processing.Generated;

/**
 * Validator of record {@link OrderItem}.
 *
 * <p>Generated from its component constraints: reports every violation with its
 * path, constraint and message. No reflection.
 */
@Generated("dev.streamer.processor.StreamerProcessor")
public final class OrderItemValidator implements Validator<OrderItem> {
  public static final OrderItemValidator INSTANCE = new OrderItemValidator();

  private OrderItemValidator() {
  }

  @Override
  public void validate(OrderItem value, Path path, Violations out) {
    String sku = value.sku();
    if (sku == null || Constraints.isBlank(sku)) {
      out.add(path.fieldText("sku"), "NotBlank", Constraints.MSG_NOT_BLANK);
    }
    int quantity = value.quantity();
    if (quantity < 1L) {
      out.add(path.fieldText("quantity"), "Min", Constraints.min(1L));
    }
    if (quantity > 1000L) {
      out.add(path.fieldText("quantity"), "Max", Constraints.max(1000L));
    }
    BigDecimal price = value.price();
    if (price != null && price.signum() <= 0) {
      out.add(path.fieldText("price"), "Positive", Constraints.MSG_POSITIVE);
    }
  }
}
