/**
 * Entry points of the generated Lambda handler classes. Called by generated code; applications do not call it
 * directly. {@link dev.streamer.runtime.aws.lambda.HostClock} is for hosts that run the generated handlers in their
 * own JVM (the local stack).
 */
package dev.streamer.runtime.aws.lambda;
