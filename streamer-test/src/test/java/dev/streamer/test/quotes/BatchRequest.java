package dev.streamer.test.quotes;

import dev.streamer.annotations.NotEmpty;
import dev.streamer.annotations.Size;
import java.util.List;

/** Many skus to quote one of each. */
public record BatchRequest(@NotEmpty @Size(max = 100) List<String> skus) {}
