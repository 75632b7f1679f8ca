package org.cocommission.finance.allocations;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

import org.cocommission.finance.RunView;
import org.cocommission.platform.Money;

/** Two runs side by side: per-CCG differences in allocation and distance from target, winners and losers. */
public record RunComparison(RunView first, RunView second, List<Line> lines) {

	public record Line(String ccgCode, String ccgName, Money firstAllocation, Money secondAllocation,
			BigDecimal firstDistancePercent, BigDecimal secondDistancePercent) {

		public Money difference() {
			return secondAllocation.minus(firstAllocation);
		}
	}

	/** CCGs that get more in the second run, most first. */
	public List<Line> winners() {
		return lines.stream().filter(line -> line.difference().signum() > 0)
			.sorted(Comparator.comparing(Line::difference).reversed()).toList();
	}

	/** CCGs that get less in the second run, most first. */
	public List<Line> losers() {
		return lines.stream().filter(line -> line.difference().signum() < 0)
			.sorted(Comparator.comparing(Line::difference)).toList();
	}
}
