/**
 * The one definition of the DynamoDB tables (keys, indexes, TTL, stream), from which the SAM template and the local
 * stack create them. API: {@code StreamerTables.createIfMissing} creates them in your own tooling.
 */
package dev.streamer.runtime.aws.tables;
