package dev.streamer.core.routing;

import dev.streamer.core.json.JsonReader;

/**
 * A minimal payload and result of this action, written by the processor so that the route's own codecs read them
 * (they need not pass validation). Used by SnapStart priming; null fields when there is none (no payload; a void
 * or POJO result).
 *
 * <p>A top-level type, not nested in {@link ActionRoute}: a member type would be inherited by every generated route
 * and hide an application type of the same simple name.
 *
 * @param payloadJson  the payload as JSON, or null
 * @param resultJson   the result as JSON, or null
 * @param resultReader reads {@code resultJson}, or null
 * @param <R>          result type
 */
public record RouteExample<R>(String payloadJson, String resultJson, JsonReader<R> resultReader) {}
