package com.example.shop;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record OrderReceipt(
    UUID id, Instant createdAt, List<OrderItem> items, BigInteger totalCents, long[] checksums, Category category) {

  /** A recursive record: categories nest. */
  public record Category(String name, List<Category> children) {}
}
