package org.cocommission.directory.structure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.cocommission.directory.OrganisationDetails;
import org.cocommission.directory.OrganisationType;
import org.cocommission.directory.Succession;
import org.cocommission.directory.TypePeriod;

/**
 * An organisation's place in the structure over time, for its page: what it became when (a CCG, a sub-ICB location),
 * whom it took over from and who took over from it (ODS's successor file), oldest first.
 */
public record StructureTimeline(List<Entry> entries) {

	/** One day's change; {@code organisations} are the predecessors or successors it names, if any. */
	record Entry(LocalDate date, String what, List<Succession> organisations) {
	}

	public static StructureTimeline of(OrganisationDetails organisation) {
		List<Entry> entries = new ArrayList<>();
		List<TypePeriod> types = organisation.typeHistory();
		for (int index = 0; index < types.size(); index++) {
			TypePeriod period = types.get(index);
			if (period.validFrom() != null) {
				entries.add(new Entry(period.validFrom(), (index == 0 ? "Opened as a " : "Became a ")
						+ article(period.type()), List.of()));
			}
		}
		byDate(organisation.predecessors()).forEach((date, codes) -> entries.add(new Entry(date,
				"Took over from " + (codes.size() == 1 ? "1 organisation" : codes.size() + " organisations"), codes)));
		byDate(organisation.successors()).forEach((date, codes) -> entries.add(new Entry(date,
				codes.size() == 1 ? "Succeeded by" : "Split between " + codes.size() + " successors", codes)));
		if (organisation.closeDate() != null && !types.isEmpty()) {
			entries.add(new Entry(organisation.closeDate(), "Closed (its last day)", List.of()));
		}
		entries.sort(Comparator.comparing(Entry::date));
		return new StructureTimeline(entries);
	}

	/** Shown when there is more to tell than the opening date the details already give. */
	public boolean worthShowing() {
		return entries.stream().anyMatch(entry -> !entry.organisations().isEmpty())
				|| entries.stream().filter(entry -> entry.what().startsWith("Became")).count() > 0;
	}

	private static String article(OrganisationType type) {
		return type.label().toLowerCase(Locale.ROOT).replace("icb", "ICB");
	}

	private static Map<LocalDate, List<Succession>> byDate(List<Succession> successions) {
		Map<LocalDate, List<Succession>> byDate = new TreeMap<>();
		successions.forEach(succession -> byDate.computeIfAbsent(succession.effectiveDate(), key -> new ArrayList<>())
			.add(succession));
		return byDate;
	}
}
