/**
 * Implementation: the built-in actions {@code status}, {@code subscribe} and {@code cancel}. Their names and
 * payloads are the protocol facts in {@code dev.streamer.core.protocol.BuiltinAction}.
 */
package dev.streamer.runtime.aws.internal.builtins;
