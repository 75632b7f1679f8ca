package org.cocommission.workforce;

/** A workforce file that cannot be meant as it is: none of it was stored. */
public class WorkforceImportRejectedException extends RuntimeException {

	private final transient WorkforceImportReport report;

	public WorkforceImportRejectedException(WorkforceImportReport report) {
		super(report.errors().size() + " error(s); nothing was imported");
		this.report = report;
	}

	public WorkforceImportReport report() {
		return report;
	}
}
