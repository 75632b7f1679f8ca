package org.cocommission.outcomes.read;

import org.cocommission.outcomes.statistics.Trend;

/** An organisation's two trends as the pages show them: since the previous period and since the first; either may be null. */
public record TrendPair(Trend sincePrevious, Trend sinceFirst) {
}
