/**
 * The processor's writers: {@link dev.streamer.processor.write.AppWriter} writes every generated file of an
 * application from its immutable model ({@code processor.model}), each output in its own package: Java sources
 * ({@code write.java}), the AsyncAPI document ({@code write.asyncapi}), the JavaScript client and its typings
 * ({@code write.js}), and the JSON text, JSON Schemas and wire-protocol facts the two documents share
 * ({@code write.json}). Writers consume the model ({@code java.Hygiene} also asks the compiler which names a package
 * holds already); {@code AppWriter} turns a writer's failure into a diagnostic on the element the file comes from.
 */
package dev.streamer.processor.write;
