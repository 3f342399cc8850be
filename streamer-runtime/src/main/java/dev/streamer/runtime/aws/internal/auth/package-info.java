/**
 * Implementation: verification of {@code $connect} tokens (JWT with a pinned algorithm, jose4j) and where a token
 * is found. May change without notice.
 */
package dev.streamer.runtime.aws.internal.auth;
