package org.cocommission.workforce;

import java.math.BigDecimal;

/** A measure for one organisation in one month ({@code YYYY-MM}); value null when withheld or not available. */
public record TrendPoint(String month, BigDecimal value, boolean withheld, int practicesLeftOut) {
}
