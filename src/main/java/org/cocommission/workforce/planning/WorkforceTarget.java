package org.cocommission.workforce.planning;

import java.math.BigDecimal;
import java.time.Instant;

import org.cocommission.workforce.WorkforceMeasure;

/** A CCG's planning target in force for one staff ratio: who set it and when. */
public record WorkforceTarget(String ccgCode, WorkforceMeasure measure, BigDecimal target, String setBy,
		Instant setAt) {
}
