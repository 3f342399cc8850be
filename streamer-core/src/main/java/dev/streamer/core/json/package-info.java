/**
 * Support for the generated JSON codecs ({@code <Record>Json}): readers, writers, limits and decode errors. Called
 * by generated code; not meant for hand-written application code.
 */
package dev.streamer.core.json;
