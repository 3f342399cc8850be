package dev.streamer.benchmarks;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;

/**
 * One order line. Annotated with jakarta constraints so that both paths check the same rules: Streamer's processor
 * honours them at compile time, Hibernate Validator reads them at run time.
 */
public record OrderLine(@NotBlank String sku, @Min(1) int quantity, @Positive BigDecimal unitPrice) {}
