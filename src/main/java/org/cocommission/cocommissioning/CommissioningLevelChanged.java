package org.cocommission.cocommissioning;

import java.time.LocalDate;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * A CCG's commissioning level changes from a date: an approved application went live, or a delegated CCG gave notice
 * and reverts on the next 1 April. What the contracts and budgets that follow a CCG's level need; the change is
 * audited with the move or the notice that made it.
 *
 * @param applicationId the application that went live; null when a notice ended delegation
 */
@DomainEvent
public record CommissioningLevelChanged(String ccgCode, CommissioningLevel level, LocalDate from, Long applicationId) {
}
