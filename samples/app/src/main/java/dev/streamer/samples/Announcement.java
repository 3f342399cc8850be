package dev.streamer.samples;

import dev.streamer.annotations.Event;

/** A server event: a message to every connection of a tenant, from one of its users. */
@Event(value = "announcement", description = "A message to every connection of the tenant.")
public record Announcement(String text, String from) {}
