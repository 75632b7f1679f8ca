package org.cocommission.outcomes;

import java.util.List;

/**
 * What {@link SuppliedIndicators#supply} stored: the slices replaced under one outcomes import, the practices' values
 * stored, and the practices left out because the directory does not know them (a value needs a practice to place).
 */
public record SupplyReport(long importId, int slices, long stored, List<String> unknownPractices) {
}
