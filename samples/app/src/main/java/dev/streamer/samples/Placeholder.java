package dev.streamer.samples; public final class Placeholder {}
