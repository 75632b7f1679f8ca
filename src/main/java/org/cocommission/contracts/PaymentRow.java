package org.cocommission.contracts;

import java.math.BigDecimal;

/**
 * Payments of one organisation (or one practice) in a year: patients and the file's "Total NHS Payments to General
 * Practice", and that total per registered and per weighted patient (pounds, to the penny; null with no patients).
 * {@code contractType} is the practice's (null above practice level unless split by type).
 */
public record PaymentRow(String orgCode, String orgName, String contractType, int practices,
		BigDecimal registeredPatients, BigDecimal weightedPatients, BigDecimal totalPayments,
		BigDecimal perRegisteredPatient, BigDecimal perWeightedPatient) {
}
