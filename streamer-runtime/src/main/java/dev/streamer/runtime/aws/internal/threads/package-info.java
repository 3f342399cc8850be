/**
 * Implementation: the thread factory of the runtime's and the local stack's background pools.
 */
package dev.streamer.runtime.aws.internal.threads;
