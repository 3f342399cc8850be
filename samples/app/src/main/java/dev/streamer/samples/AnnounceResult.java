package dev.streamer.samples;

/** Result of {@code announce}: connections that got the announcement, were found gone, or could not be reached. */
public record AnnounceResult(int delivered, int gone, int failed) {}
