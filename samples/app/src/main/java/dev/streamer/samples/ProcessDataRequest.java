package dev.streamer.samples;

import dev.streamer.annotations.Email;
import dev.streamer.annotations.NotBlank;
import dev.streamer.annotations.NotEmpty;
import dev.streamer.annotations.NotNull;
import dev.streamer.annotations.QueueWhen;
import dev.streamer.annotations.Size;
import dev.streamer.annotations.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Payload of {@code process_data}: nested records, lists, maps and validation. */
public record ProcessDataRequest(
    @NotBlank String datasetId,
    @NotNull UUID batchId,
    @NotEmpty @Size(max = MAX_ITEMS) List<@NotNull @Valid LineItem> items,
    Map<String, String> tags,
    Priority priority,
    Optional<LocalDate> deliverBy,
    @Email String notifyEmail) {

  /** The most items one request may carry. */
  public static final int MAX_ITEMS = 5000;

  /** Small batches answer at once; large ones are queued and processed asynchronously. */
  @QueueWhen
  public boolean large() {
    return items != null && items.size() > 500;
  }
}
