package org.cocommission.directory;

import java.time.LocalDate;

/**
 * One link of ODS's successor file seen from an organisation: the predecessor or successor's code, its name (null
 * when the directory does not hold that code) and the day the successor took over.
 */
public record Succession(String code, String name, LocalDate effectiveDate) {
}
