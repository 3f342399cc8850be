/**
 * Implementation: the requests table as the queue of asynchronous requests; every status change is one conditional
 * UpdateItem. May change without notice.
 */
package dev.streamer.runtime.aws.internal.requests;
