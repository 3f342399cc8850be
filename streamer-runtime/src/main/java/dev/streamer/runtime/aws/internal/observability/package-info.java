/**
 * JSON log lines, CloudWatch Embedded Metric Format metrics and the X-Ray trace header, as the functions write
 * them. The line and metric shapes are documented in the README; the classes are implementation.
 */
package dev.streamer.runtime.aws.internal.observability;
