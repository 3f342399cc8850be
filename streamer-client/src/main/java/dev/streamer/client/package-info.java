/**
 * Java client of a Streamer WebSocket API on {@code java.net.http.WebSocket}: {@link
 * dev.streamer.client.StreamerClient} and its settings are API; the other types are its parts.
 */
package dev.streamer.client;
