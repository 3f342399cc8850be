/**
 * The application's AsyncAPI 3.0 document ({@code META-INF/streamer/<app>-asyncapi.json}, the application's name in
 * lower case).
 */
package dev.streamer.processor.write.asyncapi;
