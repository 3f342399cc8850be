/**
 * Routing of one client message to its action: {@link dev.streamer.core.routing.Route} (implemented by generated
 * code), {@link dev.streamer.core.routing.RouteTable}, {@link dev.streamer.core.routing.Router} and {@link
 * dev.streamer.core.routing.Interceptor} (middleware, API).
 */
package dev.streamer.core.routing;
