/**
 * Java sources of an application: the JSON codec and validator of each record and enum, a route per action, the route
 * table, the handlers interface, the events class, the Lambda handlers, and the application manifest they describe
 * (JavaPoet; every type {@code @Generated}, reflection-free and deterministic).
 */
package dev.streamer.processor.write.java;
