package org.cocommission.demo;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.cocommission.authorisation.AssessmentMethod;
import org.cocommission.authorisation.Framework;
import org.cocommission.authorisation.NewOutcome;
import org.cocommission.authorisation.OutcomeKind;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's authorisation reproduces the national 2012-13 figures over 211 CCGs, and scales them otherwise. */
class AuthorisationDemoTests {

	private static final Framework FRAMEWORK = new Framework(1, "CCG authorisation 2012-13", 1, 119,
			IntStream.rangeClosed(1, 6)
				.mapToObj(domain -> new Framework.Domain(domain, "Domain " + domain,
						IntStream.rangeClosed(1, 4)
							.mapToObj(criterion -> new Framework.Criterion(domain + "." + criterion, domain, "Criterion",
									"Evidence", Set.of(AssessmentMethod.DESKTOP)))
							.toList()))
				.toList());

	@Test
	void over211CcgsTheDemoHasTheNationalTotalsAndWaveSizes() {
		List<NewOutcome> outcomes = AuthorisationDemo.outcomes(codes(211), FRAMEWORK);

		assertThat(outcomes).hasSize(211);
		assertThat(outcomes.stream().filter(o -> o.outcome() == OutcomeKind.AUTHORISED)).hasSize(43);
		assertThat(outcomes.stream().filter(o -> o.outcome() == OutcomeKind.AUTHORISED_WITH_CONDITIONS)).hasSize(168);
		assertThat(outcomes.stream().filter(o -> o.conditions().stream().anyMatch(c -> c.directions()))).hasSize(15);
		assertThat(IntStream.rangeClosed(1, 4).map(wave -> (int) outcomes.stream().filter(o -> o.wave() == wave).count()))
			.containsExactly(34, 67, 62, 48);
		assertThat(outcomes.stream().flatMap(o -> o.conditions().stream()).filter(c -> c.dischargedOn() != null))
			.isNotEmpty();
	}

	@Test
	void fewerCcgsScaleTheTotalsAndTheWavesStillAddUp() {
		assertThat(AuthorisationDemo.scaled(new int[] { 34, 67, 62, 48 }, 100)).containsExactly(16, 32, 29, 23);

		List<NewOutcome> outcomes = AuthorisationDemo.outcomes(codes(100), FRAMEWORK);
		assertThat(outcomes.stream().filter(o -> o.outcome() == OutcomeKind.AUTHORISED)).hasSize(20);
		assertThat(outcomes.stream().filter(o -> o.conditions().stream().anyMatch(c -> c.directions()))).hasSize(7);
	}

	private static List<String> codes(int count) {
		return IntStream.range(0, count).mapToObj(index -> String.format("%02dX", index)).toList();
	}
}
