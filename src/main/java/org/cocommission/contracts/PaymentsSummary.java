package org.cocommission.contracts;

import java.util.Map;

/** The practices stored for a year, by contract type as published (GMS, PMS, APMS first, then any other). */
public record PaymentsSummary(String year, long practices, Map<String, Long> byType) {
}
