package org.cocommission.cocommissioning;

import java.time.LocalDate;
import java.util.List;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * NHS England's board decided a CCG's application for a commissioning level: approved (with its conditions, if any)
 * or declined. An approval takes effect on {@code goLiveOn}, when {@link CommissioningLevelChanged} follows. The
 * decision's audit entry is the application's move to decided ({@link ApplicationTransitioned}).
 */
@DomainEvent
public record BoardDecisionRecorded(long applicationId, long roundId, String ccgCode, CommissioningLevel level,
		BoardDecision decision, String reasons, List<String> conditions, LocalDate goLiveOn) {

	public BoardDecisionRecorded {
		conditions = List.copyOf(conditions);
	}
}
