package org.cocommission.directory;

/** A file with at least one invalid row: none of it was stored. */
public class ImportRejectedException extends RuntimeException {

	private final transient ImportReport report;

	public ImportRejectedException(ImportReport report) {
		super(report.errors().size() + " invalid row(s); nothing was imported");
		this.report = report;
	}

	public ImportReport report() {
		return report;
	}
}
