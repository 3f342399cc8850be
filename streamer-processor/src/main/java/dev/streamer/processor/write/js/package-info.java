/** The typed JavaScript client of the application: an ES module and its TypeScript declarations. */
package dev.streamer.processor.write.js;
