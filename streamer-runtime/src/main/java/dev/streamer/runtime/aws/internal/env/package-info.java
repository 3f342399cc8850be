/**
 * Implementation: parsing of duration values in environment variables.
 */
package dev.streamer.runtime.aws.internal.env;
