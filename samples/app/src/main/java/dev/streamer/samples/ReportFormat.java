package dev.streamer.samples;

/** Output format of a report. */
public enum ReportFormat { CSV, PDF, JSON }
