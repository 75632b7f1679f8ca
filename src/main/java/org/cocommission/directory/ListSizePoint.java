package org.cocommission.directory;

import java.time.LocalDate;

/** The registered list at one extract. */
public record ListSizePoint(LocalDate extractDate, long patients) {
}
