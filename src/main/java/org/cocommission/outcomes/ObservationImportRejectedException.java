package org.cocommission.outcomes;

/** A file with at least one invalid row: none of it was stored. */
public class ObservationImportRejectedException extends RuntimeException {

	private final transient ObservationImportReport report;

	public ObservationImportRejectedException(ObservationImportReport report) {
		super(report.errors().size() + " invalid row(s)");
		this.report = report;
	}

	public ObservationImportReport report() {
		return report;
	}
}
