package com.example.shop;

import dev.streamer.annotations.Max;
import dev.streamer.annotations.Min;
import dev.streamer.annotations.NotBlank;
import dev.streamer.annotations.Positive;
import java.math.BigDecimal;
import java.util.Set;

public record OrderItem(
    @NotBlank String sku,
    @Min(1) @Max(1000) int quantity,
    @Positive BigDecimal price,
    Set<String> labels) {}
