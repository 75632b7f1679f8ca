package org.cocommission.outcomes;

/** An invalid row: its line number in the file (the header is line 1) and what is wrong. */
public record ImportError(long row, String message) {
}
