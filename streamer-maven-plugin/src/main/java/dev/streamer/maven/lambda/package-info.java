/** The Lambda deployment jar of {@code streamer:sam}: what goes in ({@link dev.streamer.maven.lambda.LambdaJarRules}) and the merge. */
package dev.streamer.maven.lambda;
