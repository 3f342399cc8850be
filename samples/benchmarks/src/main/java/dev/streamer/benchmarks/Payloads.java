package dev.streamer.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The benchmark's inputs, as the bytes a WebSocket frame's payload would carry; each valid and invalid. */
final class Payloads {

  private Payloads() {}

  /** The payload alone, for the route and databind. */
  static byte[] payload(String shape, boolean valid) {
    return text(shape, valid).getBytes(StandardCharsets.UTF_8);
  }

  /** The whole client message, for the router and the token scan. */
  static byte[] frame(String shape, boolean valid) {
    return ("{\"id\":\"c-1\",\"action\":\"" + action(shape) + "\",\"payload\":" + text(shape, valid) + "}")
        .getBytes(StandardCharsets.UTF_8);
  }

  static String action(String shape) {
    return switch (shape) {
      case "small" -> "ping";
      case "medium" -> "place_order";
      case "wide" -> "place_wide";
      default -> throw new IllegalArgumentException(shape);
    };
  }

  static Class<?> type(String shape) {
    return switch (shape) {
      case "small" -> Ping.class;
      case "medium" -> Order.class;
      default -> WideOrder.class;
    };
  }

  private static String text(String shape, boolean valid) {
    return switch (shape) {
      case "small" -> valid ? "{\"message\":\"hello, streamer\",\"sequence\":42}" : "{\"message\":\" \",\"sequence\":42}";
      case "medium" -> order(100, valid);
      case "wide" -> wide(valid);
      default -> throw new IllegalArgumentException(shape);
    };
  }

  /** 100 lines, no @Pattern; invalid: three lines break @Min. */
  static String order(int lines, boolean valid) {
    StringBuilder sb = new StringBuilder(64 * lines + 256);
    sb.append("{\"customerId\":\"cust-0001\",\"orderId\":\"3f1c9a4e-8d2b-4c6f-9a57-2e0b7d41c9aa\",")
        .append("\"email\":\"buyer@example.com\",\"tags\":{\"channel\":\"web\",\"region\":\"eu-west-1\"},\"lines\":[");
    for (int i = 0; i < lines; i++) {
      if (i > 0) {
        sb.append(',');
      }
      boolean broken = !valid && i % 40 == 10;
      sb.append(String.format(Locale.ROOT, "{\"sku\":\"%s\",\"quantity\":%d,\"unitPrice\":%d.%02d}",
          String.format(Locale.ROOT, "SKU-%05d", i), broken ? 0 : 1 + i % 7, 3 + i % 50, i % 100));
    }
    return sb.append("]}").toString();
  }

  /** Fifteen components and fifty items; invalid: three items break a constraint (@Positive, @Pattern, @Email). */
  static String wide(boolean valid) {
    StringBuilder sb = new StringBuilder(6500);
    sb.append("{\"orderRef\":\"ORD-2026-000042\",\"customerId\":\"3f1c9a4e-8d2b-4c6f-9a57-2e0b7d41c9aa\",")
        .append("\"priority\":\"HIGH\",\"total\":1234.50,\"placedAt\":\"2026-11-30T10:15:30Z\",")
        .append("\"deliverBy\":\"2026-12-24\",\"note\":\"leave at the door\",")
        .append("\"quantities\":{\"SKU-00001\":3,\"SKU-00002\":1,\"SKU-00003\":7},\"points\":120,\"gift\":true,")
        .append("\"tags\":[\"web\",\"eu\"],\"contactEmail\":\"buyer.name+shop@example.com\",\"country\":\"FR\",")
        .append("\"sequence\":9007199254740,\"items\":[");
    for (int i = 0; i < 50; i++) {
      if (i > 0) {
        sb.append(',');
      }
      int quantity = !valid && i == 10 ? 0 : 1 + i % 9;
      String code = !valid && i == 20 ? "abc-12" : String.format(Locale.ROOT, "%c%c%c-%04d", 'A' + i % 26,
          'B' + i % 20, 'C' + i % 17, i * 37 % 10000);
      String supplier = !valid && i == 30 ? "not an address" : "orders@supplier-" + i % 7 + ".example.com";
      sb.append(String.format(Locale.ROOT, "{\"sku\":\"SKU-%05d\",\"name\":\"Widget model %d, blue\",\"quantity\":%d,"
          + "\"price\":%d.%02d,\"code\":\"%s\",\"supplier\":\"%s\"}", i, i, quantity, 2 + i % 60, i % 100, code,
          supplier));
    }
    return sb.append("]}").toString();
  }
}
