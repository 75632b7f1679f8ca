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

	@Test
	void everyCcgOpenOnTheFirstOfAprilIsRatedThatYearAndNoOther() {
		java.time.LocalDate merged = java.time.LocalDate.of(2018, 4, 1);
		List<org.cocommission.directory.OrganisationSummary> ccgs = new java.util.ArrayList<>();
		codes(200).forEach(code -> ccgs.add(ccg(code, null, code.equals("00X") ? merged : null)));
		ccgs.add(ccg("99M", merged, null));

		List<org.cocommission.authorisation.Assurance.Rating> ratings = AuthorisationDemo.ratings(ccgs);

		assertThat(ratings.stream().filter(r -> r.year() == 2016)).hasSize(200);
		assertThat(ratings.stream().filter(r -> r.year() == 2018)).hasSize(200)
			.noneMatch(r -> r.ccgCode().equals("00X"))
			.anyMatch(r -> r.ccgCode().equals("99M"));
		long inadequate2016 = ratings.stream()
			.filter(r -> r.year() == 2016
					&& r.rating() == org.cocommission.authorisation.AssuranceRating.INADEQUATE)
			.count();
		assertThat(inadequate2016).isBetween(10L, 40L);
	}

	private static org.cocommission.directory.OrganisationSummary ccg(String code, java.time.LocalDate open,
			java.time.LocalDate close) {
		return new org.cocommission.directory.OrganisationSummary(code, "NHS " + code + " CCG",
				org.cocommission.directory.OrganisationType.CCG, null, close == null ? "ACTIVE" : "INACTIVE", null, open,
				close, null, false);
	}

	private static List<String> codes(int count) {
		return IntStream.range(0, count).mapToObj(index -> String.format("%02dX", index)).toList();
	}
}
