/**
 * The wire protocol: the one definition of its facts (error codes, request statuses, cancel outcomes, built-in
 * actions, size limits), the client envelope reader and the server messages. Facts are API; readers and writers
 * serve the runtime and clients.
 */
package dev.streamer.core.protocol;
