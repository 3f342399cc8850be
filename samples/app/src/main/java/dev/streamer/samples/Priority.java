package dev.streamer.samples;

/** Processing priority of a data set. */
public enum Priority { LOW, NORMAL, HIGH }
