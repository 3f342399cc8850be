/**
 * End to end: {@link dev.streamer.test.local.StreamerTest} runs the application's own generated Lambda handlers on
 * the local stack (DynamoDB Local, the WebSocket gateway, the stream processor, the sweeper) and injects a connected
 * {@link dev.streamer.client.StreamerClient} and the {@link dev.streamer.test.local.TestStack}; {@link
 * dev.streamer.test.local.StreamerAssertions} keeps the common assertions short.
 */
package dev.streamer.test.local;
