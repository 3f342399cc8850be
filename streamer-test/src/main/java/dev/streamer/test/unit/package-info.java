/**
 * Unit level, no AWS: test doubles for calling an action method directly, a {@link
 * dev.streamer.test.unit.RecordingProgress} and {@link dev.streamer.test.unit.TestContext} (a
 * {@link dev.streamer.core.RequestContext} with sensible defaults and a cancellation switch).
 */
package dev.streamer.test.unit;
