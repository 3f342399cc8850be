/**
 * In-memory stand-ins for tests of routing without AWS.
 */
package dev.streamer.core.testing;
