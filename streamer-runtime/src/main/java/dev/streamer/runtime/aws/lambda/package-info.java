/**
 * Entry points of the generated Lambda handler classes. Called by generated code; applications do not call it
 * directly, except {@link dev.streamer.runtime.aws.lambda.EventNotifiers}: API, the privileged path to server events
 * outside actions.
 */
package dev.streamer.runtime.aws.lambda;
