package org.cocommission.cocommissioning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cocommission.cocommissioning.CommissioningLevels.LevelPeriod;
import org.cocommission.directory.Directory;
import org.cocommission.directory.OrganisationFacts;
import org.cocommission.directory.OrganisationSummary;
import org.cocommission.directory.OrganisationType;

import org.springframework.stereotype.Component;

/**
 * Shows on a CCG's directory page its primary care commissioning level over time and, under delegation, what it now
 * holds: the GP contracts of its member practices; and any notice it gave to end delegation. Levels are published,
 * so everyone may see them.
 */
@Component
class LevelFacts implements OrganisationFacts {

	private final CommissioningLevels levels;

	private final Directory directory;

	private final DelegationNotices notices;

	LevelFacts(CommissioningLevels levels, Directory directory, DelegationNotices notices) {
		this.notices = notices;
		this.levels = levels;
		this.directory = directory;
	}

	@Override
	public Optional<FactSection> factsFor(String organisationCode, LocalDate asAt) {
		List<LevelPeriod> history = levels.history(organisationCode);
		if (history.isEmpty()) {
			return Optional.empty();
		}
		List<Fact> facts = new ArrayList<>();
		LocalDate firstFrom = history.get(0).from();
		facts.add(new Fact("Level", CommissioningLevel.GREATER_INVOLVEMENT.label(), null, firstFrom.minusDays(1),
				asAt.isBefore(firstFrom)));
		for (LevelPeriod period : history) {
			boolean current = !asAt.isBefore(period.from()) && (period.to() == null || !asAt.isAfter(period.to()));
			facts.add(new Fact("Level", period.level().label(), period.from(), period.to(), current));
		}
		CommissioningLevel now = levels.levelOn(organisationCode, asAt);
		if (now == CommissioningLevel.DELEGATED) {
			long practices = directory.children(organisationCode, asAt).stream()
				.map(OrganisationSummary::type)
				.filter(OrganisationType.GP_PRACTICE::equals)
				.count();
			LevelPeriod current = history.stream().filter(p -> !asAt.isBefore(p.from())).reduce((a, b) -> b).orElseThrow();
			facts.add(new Fact("Functions held", "GP contracts of its " + String.format("%,d", practices) + " member practices",
					current.from(), current.to(), true));
		}
		for (String function : levels.functionsHeld(organisationCode, asAt)) {
			facts.add(new Fact(now == CommissioningLevel.JOINT ? "Commissioned jointly" : "Delegated", function, null, null,
					true));
		}
		for (DelegationNotices.DelegationNotice notice : notices.all(organisationCode)) {
			facts.add(new Fact("Delegation ended by notice", "Notice given on " + notice.givenOn() + ": "
					+ notice.revertsTo().label().toLowerCase() + " from " + notice.effectiveOn() + ". Reason: "
					+ notice.reason(), notice.givenOn(), notice.effectiveOn().minusDays(1), asAt.isBefore(notice.effectiveOn())));
		}
		return Optional.of(new FactSection("Primary care commissioning", facts,
				"/public/co-commissioning", "Approved co-commissioning arrangements"));
	}
}
