/**
 * Configuration from environment variables: {@link dev.streamer.runtime.aws.config.EnvironmentVariables} is the one
 * list of every variable each function reads (API: the deploy module and operators read it), {@link
 * dev.streamer.runtime.aws.config.StreamerConfig} the parsed settings.
 */
package dev.streamer.runtime.aws.config;
