/**
 * What the generated Lambda handler classes delegate to: {@link dev.streamer.runtime.aws.lambda.AwsRuntime} (the
 * configuration and shared parts of one execution environment, each built on first use) and one function class per
 * handler kind ({@code ConnectFunction}, {@code DisconnectFunction}, {@code DefaultFunction},
 * {@code StreamProcessorFunction}, {@code SweeperFunction}), each building only what it uses, plus SnapStart
 * {@link dev.streamer.runtime.aws.lambda.Priming}. API for generated code, the local stack and tests (which build an
 * {@code AwsRuntime} from a map); applications do not call it directly.
 */
package dev.streamer.runtime.aws.lambda;
