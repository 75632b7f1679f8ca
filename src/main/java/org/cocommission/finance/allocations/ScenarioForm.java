package org.cocommission.finance.allocations;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.cocommission.finance.AllocationRuns;
import org.cocommission.finance.RunView;
import org.cocommission.platform.Money;

/** A scenario of a run: a name (blank: the run's, marked scenario), the envelope and the pace of change, in percent. */
record ScenarioForm(@Size(max = 200, message = "Keep the name to 200 characters") String name,
		@NotNull(message = "Enter the envelope in pounds") @Positive(message = "The envelope must be a positive amount") BigDecimal envelope,
		@NotNull(message = "Minimum growth is required") BigDecimal minimumGrowth,
		@NotNull(message = "Maximum growth is required") BigDecimal maximumGrowth,
		@NotNull(message = "The share of the gap closed is required") BigDecimal gapClosure,
		@NotNull(message = "The floor is required") BigDecimal overTargetFloor) {

	/** The form as first shown: the run's own settings, named as the faster pace people usually try. */
	static ScenarioForm of(RunView run) {
		RunForm settings = RunForm.from(run);
		return new ScenarioForm(run.name() + " (faster pace)", settings.envelope(), settings.minimumGrowth(),
				settings.maximumGrowth(), settings.gapClosure(), settings.overTargetFloor());
	}

	AllocationRuns.ScenarioChanges changes() {
		return new AllocationRuns.ScenarioChanges(name, new Money(envelope),
				RunForm.pace(minimumGrowth, maximumGrowth, gapClosure, overTargetFloor));
	}
}
