/**
 * Typed server events: {@link dev.streamer.core.event.EventType} (generated per {@code @Event} record),
 * {@link dev.streamer.core.event.EventRegistry} (generated per application as {@code <App>Events}), the delivery SPI
 * {@link dev.streamer.core.event.EventSink} the runtime implements, and {@link dev.streamer.core.event.ScopedNotifier},
 * the tenant-scoped {@link dev.streamer.core.Notifier} built on both.
 */
package dev.streamer.core.event;
