/**
 * What {@code streamer:run} runs inside a class loader of the project's class path (never in Maven's plugin realm):
 * the stack, the application's reloadable class loader and the class output watch.
 */
package dev.streamer.maven.run;
