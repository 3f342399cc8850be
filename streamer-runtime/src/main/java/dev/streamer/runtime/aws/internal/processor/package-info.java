/**
 * Implementation: the DynamoDB stream processor (claim, run, outcome) and the sweeper. May change without notice.
 */
package dev.streamer.runtime.aws.internal.processor;
