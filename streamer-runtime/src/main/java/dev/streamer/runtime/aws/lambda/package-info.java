/**
 * Entry points of the generated Lambda handler classes. Called by generated code; applications do not call it
 * directly.
 */
package dev.streamer.runtime.aws.lambda;
