/**
 * Facts about a generated Streamer application that the processor, the runtime, the deploy module and the local
 * stack share: the kinds of Lambda handler and their class names.
 */
package dev.streamer.core.app;
