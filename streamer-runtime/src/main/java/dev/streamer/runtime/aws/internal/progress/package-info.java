/**
 * Implementation: throttled progress of one running request, persisted then sent. May change without notice.
 */
package dev.streamer.runtime.aws.internal.progress;
