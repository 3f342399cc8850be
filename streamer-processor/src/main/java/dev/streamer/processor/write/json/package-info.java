/**
 * What the AsyncAPI document and the JavaScript client share: an ordered JSON object model and its printer, the JSON
 * Schema (draft 7, as AsyncAPI 3.0 embeds it) of each model type, the names types are exported under, and the wire
 * protocol's facts read from {@code streamer-core}.
 */
package dev.streamer.processor.write.json;
