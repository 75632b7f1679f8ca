package org.cocommission.directory;

import java.time.LocalDate;
import java.util.List;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * An import stored changes in the directory: organisations or their links ({@code kind} an ODS file's slug such as
 * {@code epraccur}), or registered patients ({@code registered-patients}, with the extract dates whose figures changed).
 * Published in the import's transaction, only when something was created or updated; figures computed from the
 * directory (peer groups, populations) listen for it after the commit.
 */
@DomainEvent
public record DirectoryChanged(String kind, int created, int updated, int unchanged, List<LocalDate> extractDates) {

	public static final String REGISTERED_PATIENTS = "registered-patients";

	public DirectoryChanged {
		extractDates = List.copyOf(extractDates);
	}

	/** Whether registered list sizes changed (rather than organisations or their links). */
	public boolean registeredPatients() {
		return REGISTERED_PATIENTS.equals(kind);
	}
}
