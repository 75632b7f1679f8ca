package org.cocommission.authorisation.survey;

import java.time.Instant;

/**
 * One person on a CCG's 360 stakeholder list, and what became of their invitation to a survey when one is asked
 * about ({@code invitedAt} and {@code answered} are empty and false otherwise).
 */
public record Stakeholder(long id, String ccgCode, String organisation, StakeholderGroup group, String role,
		String email, Instant invitedAt, boolean answered) {
}
