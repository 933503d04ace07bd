package dev.medic.cli.command;

/** How a command prints its result. */
public enum OutputFormat {
    /** Lines for people, coloured on a terminal. */
    TEXT,
    /** One JSON document for programs. */
    JSON
}
