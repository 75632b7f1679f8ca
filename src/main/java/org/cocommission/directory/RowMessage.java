package org.cocommission.directory;

/** A warning or error about one row of an imported file; row 1 is the file's first line. */
public record RowMessage(int row, String message) {
}
