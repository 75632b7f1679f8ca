package org.cocommission.workforce.planning;

import java.math.BigDecimal;
import java.util.Map;

import org.jmolecules.event.annotation.DomainEvent;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.Audited;
import org.cocommission.workforce.WorkforceMeasure;

/** A CCG set (or changed) its planning target for a staff ratio. */
@DomainEvent
public record WorkforceTargetSet(String ccgCode, WorkforceMeasure measure, BigDecimal before, BigDecimal after)
		implements Audited {

	@Override
	public AuditEntry auditEntry() {
		return new AuditEntry("WORKFORCE_TARGET_SET", "WORKFORCE_TARGET", ccgCode + " " + measure.label(), ccgCode,
				before == null ? null : Map.of("target", before), Map.of("target", after));
	}
}
