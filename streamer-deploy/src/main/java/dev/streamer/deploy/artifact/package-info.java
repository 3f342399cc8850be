/**
 * Build-time work on the Lambda artifact: removing the AWS SDK classes that no code path of the application can
 * load ({@link dev.streamer.deploy.artifact.LambdaJarPruner}).
 */
package dev.streamer.deploy.artifact;
