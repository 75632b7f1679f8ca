package org.cocommission.contracts;

/** A payments file with any error: nothing was stored; the report says why. */
public class PaymentsImportRejectedException extends RuntimeException {

	private final transient PaymentsImportReport report;

	public PaymentsImportRejectedException(PaymentsImportReport report) {
		super(report.errors().size() + " error(s) in the payments file; nothing was stored");
		this.report = report;
	}

	public PaymentsImportReport report() {
		return report;
	}
}
