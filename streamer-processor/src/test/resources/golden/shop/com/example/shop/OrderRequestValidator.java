package com.example.shop;

import dev.streamer.core.validation.Constraints;
import dev.streamer.core.validation.Path;
import dev.streamer.core.validation.Validator;
import dev.streamer.core.validation.Violations;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.Generated;

/**
 * Validator of record {@link OrderRequest}.
 *
 * <p>Generated from its component constraints: reports every violation with its
 * path, constraint and message. No reflection.
 */
@Generated("dev.streamer.processor.StreamerProcessor")
public final class OrderRequestValidator implements Validator<OrderRequest> {
  public static final OrderRequestValidator INSTANCE = new OrderRequestValidator();

  private OrderRequestValidator() {
  }

  /**
   * Whether {@code s} matches <code>[A-Z]&#123;2&#125;</code> whole, as {@code Pattern.matches} would answer: the
   * pattern is a sequence of character sets, so one pass without backtracking decides.
   */
  private static boolean countryMatches(CharSequence s) {
    int n = s.length();
    int i = 0;
    char c;
    if (n - i < 2) {
      return false;
    }
    for (int to1 = i + 2; i < to1; i++) {
      c = s.charAt(i);
      if (!(c >= 'A' && c <= 'Z')) {
        return false;
      }
    }
    return i == n;
  }

  @Override
  public void validate(OrderRequest value, Path path, Violations out) {
    Clock clock = Constraints.clock();
    String customer = value.customer();
    if (customer == null || Constraints.isBlank(customer)) {
      out.add(path.fieldText("customer"), "NotBlank", Constraints.MSG_NOT_BLANK);
    }
    if (customer != null && customer.length() > 80) {
      out.add(path.fieldText("customer"), "Size", Constraints.size(0, 80));
    }
    String email = value.email();
    if (email != null && !Constraints.isEmail(email)) {
      out.add(path.fieldText("email"), "Email", "please give a valid e-mail address");
    }
    List<OrderItem> items = value.items();
    if (items == null || items.isEmpty()) {
      out.add(path.fieldText("items"), "NotEmpty", Constraints.MSG_NOT_EMPTY);
    }
    if (items != null && items.size() > 50) {
      out.add(path.fieldText("items"), "Size", Constraints.size(0, 50));
    }
    if (items != null) {
      Path itemsPath = path.field("items");
      int i = 0;
      for (OrderItem item : items) {
        if (item == null) {
          out.add(itemsPath.index(i).toString(), "NotNull", Constraints.MSG_NOT_NULL);
        }
        if (item != null) {
          Path itemPath = itemsPath.index(i);
          OrderItemValidator.INSTANCE.validate(item, itemPath, out);
        }
        i++;
      }
    }
    Optional<String> note = value.note();
    if (note != null) {
      Path notePath = path.field("note");
      if (note.isPresent()) {
        String item = note.get();
        if (item != null && item.length() > 200) {
          out.add(notePath.toString(), "Size", Constraints.size(0, 200));
        }
      }
    }
    Map<String, Integer> tags = value.tags();
    if (tags != null) {
      Path tagsPath = path.field("tags");
      for (Map.Entry<String, Integer> entry : tags.entrySet()) {
        Integer item = entry.getValue();
        if (item != null && item <= 0) {
          out.add(tagsPath.key(entry.getKey()).toString(), "Positive", Constraints.MSG_POSITIVE);
        }
      }
    }
    String country = value.country();
    if (country != null && !countryMatches(country)) {
      out.add(path.fieldText("country"), "Pattern", Constraints.pattern("[A-Z]{2}"));
    }
    LocalDate deliverBy = value.deliverBy();
    if (deliverBy != null && !Constraints.isFuture(deliverBy, clock)) {
      out.add(path.fieldText("deliverBy"), "Future", Constraints.MSG_FUTURE);
    }
    Optional<Address> shipTo = value.shipTo();
    if (shipTo != null) {
      Path shipToPath = path.field("shipTo");
      if (shipTo.isPresent()) {
        Address item = shipTo.get();
        AddressValidator.INSTANCE.validate(item, shipToPath, out);
      }
    }
  }
}
