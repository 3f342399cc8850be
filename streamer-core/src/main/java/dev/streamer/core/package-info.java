/**
 * User API of Streamer actions: {@link dev.streamer.core.Progress}, {@link dev.streamer.core.RequestContext} and
 * the exceptions an action throws to answer with a typed error. Stable API.
 */
package dev.streamer.core;
