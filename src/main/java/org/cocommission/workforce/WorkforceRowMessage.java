package org.cocommission.workforce;

/** A warning or error about one row of an imported workforce file; row 1 is the header line. */
public record WorkforceRowMessage(int row, String message) {
}
