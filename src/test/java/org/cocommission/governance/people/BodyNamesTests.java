package org.cocommission.governance.people;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.cocommission.governance.AffectedOrganisation;
import org.cocommission.governance.Handling;
import org.cocommission.governance.Interest;
import org.cocommission.governance.InterestCategory;
import org.cocommission.governance.ItemKind;
import org.cocommission.governance.meetings.ConflictDetection.Conflict;
import org.cocommission.governance.meetings.ConflictDetection.MemberInterests;
import org.cocommission.governance.meetings.ConflictDetection.PossibleConflict;
import org.cocommission.governance.meetings.ConflictDetection;

import static org.assertj.core.api.Assertions.assertThat;

/** Bodies named in free text matched by what they name: docs/domain-rules.md, "Conflicts at meetings". */
class BodyNamesTests {

	private static final LocalDate MEETING = LocalDate.of(2026, 12, 15);

	private static final MemberInterests FLETCHER = new MemberInterests(7, List.of(new Interest(
			InterestCategory.FINANCIAL, null, "Fletcher GP Federation Ltd", "Director of Fletcher GP Federation Ltd",
			LocalDate.of(2020, 1, 1), null)));

	private static AffectedOrganisation provider(String name) {
		return new AffectedOrganisation(AffectedOrganisation.Kind.PROVIDER, null, name);
	}

	/** A body chosen from the register of bodies is the same body by its id, whatever either side's name says. */
	@Test
	void aBodyChosenFromTheRegisterIsMatchedByItsIdNotItsName() {
		Interest registered = new Interest(InterestCategory.FINANCIAL, null, "Fletcher GP Federation Ltd",
				"Director", LocalDate.of(2020, 1, 1), null, false, 12L);
		MemberInterests director = new MemberInterests(7, List.of(registered));

		assertThat(ConflictDetection.detect(List.of(director), List.of(new AffectedOrganisation(
				AffectedOrganisation.Kind.PROVIDER, null, "FGF (trading name)", 12L)), ItemKind.DECISION, MEETING))
			.singleElement()
			.extracting(Conflict::handling)
			.isEqualTo(Handling.LEAVE_FOR_ITEM);
		assertThat(ConflictDetection.detect(List.of(director), List.of(new AffectedOrganisation(
				AffectedOrganisation.Kind.PROVIDER, null, "Fletcher GP Federation Ltd", 13L)), ItemKind.DECISION, MEETING))
			.isEmpty();
	}

	/** Issue 22, defect 1: Dr Harry Fletcher voted on an item about his own federation, spelled another way. */
	@Test
	void theFletcherDirectorIsConflictedWhateverTheSpellingOfHisFederation() {
		for (String spelling : List.of("Fletcher GP Federation Limited", "fletcher gp federation",
				"FLETCHER GP FEDERATION LTD", "The Fletcher G.P. Federation Ltd.", "Fletcher  GP  Federation, Limited")) {
			assertThat(ConflictDetection.detect(List.of(FLETCHER), List.of(provider(spelling)), ItemKind.DECISION,
					MEETING))
				.as(spelling)
				.singleElement()
				.extracting(Conflict::handling)
				.isEqualTo(Handling.LEAVE_FOR_ITEM);
		}
	}

	@Test
	void namesAreComparedAfterNormalisation() {
		assertThat(BodyNames.normalise("The Smith & Jones Partnership Limited")).isEqualTo("smith and jones partnership");
		assertThat(BodyNames.same("Smith and Jones Partnership", "The Smith & Jones Partnership Ltd")).isTrue();
		assertThat(BodyNames.same("Smith Partnership", "Jones Partnership")).isFalse();
	}

	@Test
	void nearMatchesAreOfferedToTheChairNotTakenAsConflicts() {
		var affected = List.of(provider("Fletcher Federation"));

		assertThat(ConflictDetection.detect(List.of(FLETCHER), affected, ItemKind.DECISION, MEETING)).isEmpty();
		assertThat(ConflictDetection.possibleConflicts(List.of(FLETCHER), affected, MEETING))
			.singleElement()
			.satisfies(possible -> {
				assertThat(possible.personId()).isEqualTo(7);
				assertThat(possible.registered()).isEqualTo("Fletcher GP Federation Ltd");
				assertThat(possible.affected()).isEqualTo("Fletcher Federation");
			});
		assertThat(BodyNames.near("Fletcher GP Federatoin", "Fletcher GP Federation Ltd")).isTrue();
		assertThat(BodyNames.near("Tees Valley GP Federation", "Fletcher GP Federation")).isFalse();
		assertThat(BodyNames.near("Fletcher Hospitals NHS Foundation Trust", "Fletcher GP Federation Ltd")).isFalse();
		assertThat(BodyNames.near("Fletcher Healthcare", "Fletcher GP Federation Ltd")).isTrue();
	}

	@Test
	void aNearMatchTheChairConfirmedIsAConflictAndOneDismissedIsNot() {
		var affected = List.of(provider("Fletcher Federation"));
		var confirmed = new PossibleConflict(7, "Fletcher GP Federation Ltd", "Fletcher Federation", true);
		var dismissed = new PossibleConflict(7, "Fletcher GP Federation Ltd", "Fletcher Federation", false);

		assertThat(ConflictDetection.detect(List.of(FLETCHER), affected, ItemKind.DECISION, MEETING, List.of(confirmed)))
			.singleElement()
			.extracting(Conflict::handling)
			.isEqualTo(Handling.LEAVE_FOR_ITEM);
		assertThat(ConflictDetection.detect(List.of(FLETCHER), affected, ItemKind.DECISION, MEETING, List.of(dismissed)))
			.isEmpty();
	}
}
