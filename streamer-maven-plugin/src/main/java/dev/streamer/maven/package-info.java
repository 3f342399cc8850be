/**
 * The {@code streamer} Maven goals: {@link dev.streamer.maven.RunMojo streamer:run} (the application on the local
 * stack, reloaded on recompilation) and {@link dev.streamer.maven.SamMojo streamer:sam} (Lambda jar and SAM
 * template, at {@code package}).
 */
package dev.streamer.maven;
