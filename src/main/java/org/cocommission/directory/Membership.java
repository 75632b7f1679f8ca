package org.cocommission.directory;

import java.time.LocalDate;

/** A dated link to a parent organisation; {@code validTo} is the last day, null while it lasts. */
public record Membership(OrganisationRef parent, LocalDate validFrom, LocalDate validTo) {
}
