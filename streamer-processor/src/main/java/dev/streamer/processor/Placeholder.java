package dev.streamer.processor; public final class Placeholder {}
