package org.cocommission.contracts;

/** A problem or a warning about one row of an imported file (row 1 is the header; 0 is the file as a whole). */
public record ImportMessage(int row, String message) {
}
