/**
 * Implementation: the connections table, {@code $connect}/{@code $disconnect}, and sends through the API Gateway
 * Management API (410, 429 and 5xx handling, the message size limit), and the event broadcaster behind the
 * {@code Notifier}. May change without notice.
 */
package dev.streamer.runtime.aws.internal.connections;
