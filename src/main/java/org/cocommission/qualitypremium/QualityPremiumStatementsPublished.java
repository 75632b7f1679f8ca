package org.cocommission.qualitypremium;

import java.util.List;

import org.jmolecules.event.annotation.DomainEvent;
import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.Audited;

/**
 * A result run was published: its CCGs' statements for the year became visible (an earlier published run of the
 * year superseded, the scheme frozen). Audited as the run's publication; each CCG is told ({@code StatementNotices}).
 */
@DomainEvent
public record QualityPremiumStatementsPublished(RunSummary before, RunSummary after, List<String> ccgCodes)
		implements Audited {

	public QualityPremiumStatementsPublished {
		ccgCodes = List.copyOf(ccgCodes);
	}

	@Override
	public AuditEntry auditEntry() {
		// Publishing a run with inputs not assessed is an override, audited as such with its reason.
		return new AuditEntry(after.publishOverride() == null ? "QP_RUN_PUBLISHED" : "QP_RUN_PUBLISHED_WITH_MISSING_INPUTS", "qp_run", String.valueOf(after.id()), null, before, after);
	}
}
