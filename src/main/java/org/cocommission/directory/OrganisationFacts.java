package org.cocommission.directory;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What another capability knows about an organisation, shown on the organisation's directory page: for example a
 * CCG's primary care commissioning level over time. Capabilities implement this as a Spring bean, so the directory
 * shows their facts without depending on them. An implementation applies its own access rules and returns nothing
 * the current user may not see.
 */
public interface OrganisationFacts {

	/** The facts about the organisation as at the date, or empty when there is nothing to show. */
	Optional<FactSection> factsFor(String organisationCode, LocalDate asAt);

	/** A titled group of dated facts, with a link to where the capability shows more. */
	record FactSection(String title, List<Fact> facts, String moreHref, String moreLabel) {

		public FactSection {
			if (title == null || title.isBlank()) {
				throw new IllegalArgumentException("A section of facts needs a title");
			}
			facts = facts == null ? List.of() : List.copyOf(facts);
		}
	}

	/** One fact, holding from one date to another (both included; null for open-ended), and whether it holds as at the page's date. */
	record Fact(String label, String value, LocalDate from, LocalDate to, boolean current) {

		public Fact {
			if (label == null || label.isBlank() || value == null) {
				throw new IllegalArgumentException("A fact needs a label and a value");
			}
		}
	}
}
