package org.cocommission.cocommissioning.levels;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cocommission.cocommissioning.CommissioningLevel;
import org.cocommission.cocommissioning.CommissioningLevels.LevelPeriod;
import org.cocommission.cocommissioning.CommissioningLevels.ScheduledLevel;
import org.cocommission.cocommissioning.CommissioningLevels;
import org.cocommission.directory.Directory;
import org.cocommission.directory.OrganisationFacts;
import org.cocommission.directory.OrganisationSummary;
import org.cocommission.directory.OrganisationType;

import org.springframework.stereotype.Component;

/**
 * Shows on every CCG's directory page its primary care commissioning level: today's (greater involvement when no
 * arrangement ever went live), the levels over time, the changes to come (a level the board approved, from its
 * go-live date; the end of delegation by notice) and, under delegation, what it now holds: the GP contracts of its
 * member practices. Levels are published, so everyone may see them.
 */
@Component
public class LevelFacts implements OrganisationFacts {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy");

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
		List<ScheduledLevel> scheduled = levels.scheduled(organisationCode);
		// Its type only: find() also adds up its list and walks its chain, on every organisation page.
		boolean ccg = directory.refs(List.of(organisationCode)).values().stream()
			.anyMatch(organisation -> organisation.type() == OrganisationType.CCG);
		if (!ccg && history.isEmpty() && scheduled.isEmpty()) {
			return Optional.empty();
		}
		List<Fact> facts = new ArrayList<>();
		CommissioningLevel now = levels.levelOn(organisationCode, asAt);
		LevelPeriod currentPeriod = history.stream().filter(p -> !asAt.isBefore(p.from())).reduce((a, b) -> b).orElse(null);
		LocalDate nextChange = history.stream()
			.map(LevelPeriod::from)
			.filter(from -> from.isAfter(asAt))
			.findFirst()
			.orElse(scheduled.stream().map(ScheduledLevel::from).findFirst().orElse(null));
		facts.add(new Fact("Level on " + asAt.format(DAY), now.label(), currentPeriod == null ? null : currentPeriod.from(),
				nextChange == null ? null : nextChange.minusDays(1), true));
		for (ScheduledLevel change : scheduled) {
			facts.add(new Fact("Approved, not yet in effect", change.level().label() + " from " + change.from().format(DAY),
					change.from(), null, false));
		}
		for (DelegationNotices.DelegationNotice notice : notices.all(organisationCode)) {
			if (asAt.isBefore(notice.effectiveOn())) {
				facts.add(new Fact("Delegation ends by notice", notice.revertsTo().label() + " from "
						+ notice.effectiveOn().format(DAY) + " (notice given on " + notice.givenOn().format(DAY) + ": "
						+ notice.reason() + ")", notice.effectiveOn(), null, false));
			}
		}
		if (!history.isEmpty()) {
			LocalDate firstFrom = history.get(0).from();
			facts.add(new Fact("Level before " + firstFrom.format(DAY), CommissioningLevel.GREATER_INVOLVEMENT.label(), null,
					firstFrom.minusDays(1), asAt.isBefore(firstFrom)));
			for (LevelPeriod period : history) {
				boolean current = !asAt.isBefore(period.from()) && (period.to() == null || !asAt.isAfter(period.to()));
				facts.add(new Fact("Level", period.level().label(), period.from(), period.to(), current));
			}
		}
		if (now == CommissioningLevel.DELEGATED && currentPeriod != null) {
			long practices = directory.children(organisationCode, asAt).stream()
				.map(OrganisationSummary::type)
				.filter(OrganisationType.GP_PRACTICE::equals)
				.count();
			facts.add(new Fact("Functions held", "GP contracts of its " + String.format("%,d", practices) + " member practices",
					currentPeriod.from(), currentPeriod.to(), true));
		}
		for (String function : levels.functionsHeld(organisationCode, asAt)) {
			facts.add(new Fact(now == CommissioningLevel.JOINT ? "Commissioned jointly" : "Delegated", function, null, null,
					true));
		}
		for (DelegationNotices.DelegationNotice notice : notices.all(organisationCode)) {
			if (!asAt.isBefore(notice.effectiveOn())) {
				facts.add(new Fact("Delegation ended by notice", "Notice given on " + notice.givenOn().format(DAY) + ": "
						+ notice.revertsTo().label().toLowerCase() + " from " + notice.effectiveOn().format(DAY)
						+ ". Reason: " + notice.reason(), notice.givenOn(), notice.effectiveOn().minusDays(1), false));
			}
		}
		return Optional.of(new FactSection("Primary care commissioning", facts,
				"/public/co-commissioning", "Approved co-commissioning arrangements"));
	}
}
