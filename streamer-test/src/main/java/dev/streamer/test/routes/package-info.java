/**
 * Route level, no AWS: one action through its generated route as the router and the stream processor run it
 * (decode the JSON payload, validate, invoke through the interceptors, encode), answering the result JSON or the
 * typed error the client would get. See {@link dev.streamer.test.routes.TestRoutes}.
 */
package dev.streamer.test.routes;
