/**
 * Support for the generated validators ({@code <Record>Validator}): violations with their JSON paths and the
 * constraint checks. Called by generated code.
 */
package dev.streamer.core.validation;
