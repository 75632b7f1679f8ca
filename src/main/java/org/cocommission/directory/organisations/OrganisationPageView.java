package org.cocommission.directory.organisations;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

import org.cocommission.directory.Directory.ListSort;
import org.cocommission.directory.ListSizePoint;
import org.cocommission.directory.Membership;
import org.cocommission.directory.OrganisationDetails;
import org.cocommission.directory.OrganisationRef;
import org.cocommission.directory.OrganisationStatus;
import org.cocommission.directory.OrganisationSummary;
import org.cocommission.directory.OrganisationType;
import org.cocommission.directory.PopulationPyramid;
import org.cocommission.directory.PrescribingSetting;
import org.cocommission.directory.Revision;

/** Everything the organisation page shows, worked out once so that the template only lays it out. */
public record OrganisationPageView(OrganisationDetails organisation, LocalDate asAt, boolean asAtToday,
		List<OrganisationRef> chain, List<OrganisationSummary> children, SortView childSorting,
		List<MembershipRow> memberships, List<RevisionRow> revisions, List<ListSizePoint> listSizes,
		PopulationPyramid pyramid, String pyramidChart, String listSizeChart) {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	/** The parent chain from the top (NHS England) down to the nearest parent. */
	public List<OrganisationRef> breadcrumbs() {
		List<OrganisationRef> top = new ArrayList<>(chain);
		Collections.reverse(top);
		return top;
	}

	public boolean practice() {
		return organisation.type() == OrganisationType.GP_PRACTICE;
	}

	public String childrenHeading() {
		return switch (organisation.type()) {
			case NHS_ENGLAND -> "Regions";
			case REGION -> "Area teams";
			case AREA_TEAM -> "Clinical commissioning groups";
			case ICB -> "Sub-ICB locations";
			case CCG, SUB_ICB_LOCATION -> "Member practices";
			case CSU -> "Organisations it supports";
			case GP_PRACTICE -> "Organisations under this practice";
		};
	}

	/** Whether to show the children table at all: every level but a practice has one, even if empty. */
	public boolean hasChildrenSection() {
		return organisation.type() != OrganisationType.GP_PRACTICE || !children.isEmpty();
	}

	public List<PyramidRow> pyramidRows() {
		if (pyramid == null) {
			return List.of();
		}
		List<PyramidRow> rows = new ArrayList<>(pyramid.bands()
			.stream()
			.map(band -> new PyramidRow(ageBandLabel(band.ageBand()), band.male(), band.female()))
			.toList());
		Collections.reverse(rows);
		return rows;
	}

	static String ageBandLabel(String band) {
		if (band.endsWith("+")) {
			return band.substring(0, band.length() - 1) + " and over";
		}
		return band.replace("_", " to ");
	}

	/** The children sorted as the table asks; unknown values last whichever way round. */
	public static List<OrganisationSummary> sorted(List<OrganisationSummary> children, ListSort sort, boolean descending) {
		Comparator<OrganisationSummary> order = switch (sort) {
			case CODE -> by(OrganisationSummary::code, descending);
			case NAME -> by(summary -> summary.name().toLowerCase(Locale.ROOT), descending);
			case POSTCODE -> by(OrganisationSummary::postcode, descending);
			case LIST_SIZE -> by(OrganisationSummary::listSize, descending);
			case OPEN_DATE -> by(OrganisationSummary::openDate, descending);
		};
		return children.stream().sorted(order.thenComparing(OrganisationSummary::code)).toList();
	}

	private static <T extends Comparable<? super T>> Comparator<OrganisationSummary> by(
			Function<OrganisationSummary, T> key, boolean descending) {
		Comparator<T> natural = descending ? Comparator.<T>reverseOrder() : Comparator.<T>naturalOrder();
		return Comparator.comparing(key, Comparator.nullsLast(natural));
	}

	static List<MembershipRow> membershipRows(List<Membership> memberships, LocalDate asAt) {
		return memberships.stream().map(membership -> {
			String state;
			if (membership.validFrom() != null && membership.validFrom().isAfter(asAt)) {
				state = "Later";
			}
			else if (membership.validTo() != null && membership.validTo().isBefore(asAt)) {
				state = "Ended";
			}
			else {
				state = "Current";
			}
			return new MembershipRow(membership.parent(), membership.validFrom(), membership.validTo(), state);
		}).toList();
	}

	/** Each revision with what it changed from the one before it (revisions come newest first). */
	static List<RevisionRow> revisionRows(List<Revision> revisions) {
		List<RevisionRow> rows = new ArrayList<>();
		for (int index = 0; index < revisions.size(); index++) {
			Revision revision = revisions.get(index);
			Map<String, Object> before = index + 1 < revisions.size() ? revisions.get(index + 1).attributes() : Map.of();
			List<AttributeChange> changes = new ArrayList<>();
			for (String name : new TreeSet<>(union(before, revision.attributes()))) {
				String old = shown(name, before.get(name));
				String now = shown(name, revision.attributes().get(name));
				if (!Objects.equals(old, now)) {
					changes.add(new AttributeChange(attributeLabel(name), old, now));
				}
			}
			rows.add(new RevisionRow(LocalDateTime.ofInstant(revision.recordedAt(), LONDON), revision.change(),
					revision.importId(), changes));
		}
		return rows;
	}

	/** A recorded attribute's name as ODS calls it ("openDate" is "Open date"), never the stored key. */
	static String attributeLabel(String name) {
		return switch (name) {
			case "healthGeography" -> "High level health geography";
			case "nationalGrouping" -> "National grouping";
			case "prescribingSetting" -> "Prescribing setting";
			default -> {
				String words = name.replace('_', ' ').replaceAll("(?<=[a-z])(?=[A-Z0-9])", " ").toLowerCase(Locale.UK);
				yield Character.toUpperCase(words.charAt(0)) + words.substring(1);
			}
		};
	}

	/** A recorded value in words: a status or prescribing setting by its name, not its ODS code. */
	private static String shown(String name, Object value) {
		if (value == null || value.toString().isBlank()) {
			return null;
		}
		return switch (name) {
			case "status" -> OrganisationStatus.label(value.toString());
			case "prescribingSetting" -> value instanceof Number number ? PrescribingSetting.label(number.intValue())
					: text(value);
			default -> text(value);
		};
	}

	private static List<String> union(Map<String, Object> first, Map<String, Object> second) {
		List<String> names = new ArrayList<>(first.keySet());
		names.addAll(second.keySet());
		return names;
	}

	/** A recorded value as shown: a date in words ("1 April 1974"), as every date on a page (issue 22). */
	private static String text(Object value) {
		if (value == null || value.toString().isBlank()) {
			return null;
		}
		String text = value.toString();
		if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
			try {
				return java.time.LocalDate.parse(text)
					.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK));
			}
			catch (java.time.format.DateTimeParseException ex) {
				return text;
			}
		}
		return text;
	}

	record PyramidRow(String ageBand, long male, long female) {

		public long total() {
			return male + female;
		}
	}

	/** A dated parent link and whether it holds on the page's date. */
	record MembershipRow(OrganisationRef parent, LocalDate validFrom, LocalDate validTo, String state) {
	}

	record RevisionRow(LocalDateTime recordedAt, String change, Long importId, List<AttributeChange> changes) {
	}

	record AttributeChange(String attribute, String before, String after) {
	}
}
