package dev.streamer.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The benchmark's inputs, as the bytes a WebSocket frame's payload would carry. */
final class Payloads {

  static final byte[] SMALL =
      "{\"message\":\"hello, streamer\",\"sequence\":42}".getBytes(StandardCharsets.UTF_8);

  static final byte[] MEDIUM = order(100).getBytes(StandardCharsets.UTF_8);

  private Payloads() {}

  static String order(int lines) {
    StringBuilder sb = new StringBuilder(64 * lines + 256);
    sb.append("{\"customerId\":\"cust-0001\",\"orderId\":\"3f1c9a4e-8d2b-4c6f-9a57-2e0b7d41c9aa\",")
        .append("\"email\":\"buyer@example.com\",\"tags\":{\"channel\":\"web\",\"region\":\"eu-west-1\"},\"lines\":[");
    for (int i = 0; i < lines; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(String.format(Locale.ROOT,
          "{\"sku\":\"SKU-%05d\",\"quantity\":%d,\"unitPrice\":%d.%02d}", i, 1 + i % 7, 3 + i % 50, i % 100));
    }
    return sb.append("]}").toString();
  }
}
