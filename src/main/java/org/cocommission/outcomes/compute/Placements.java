package org.cocommission.outcomes.compute;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.cocommission.outcomes.imports.OrgCodes;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Where every organisation sits on a given day, as int indices: a practice's CCG, a CCG's area team, an area team's
 * region, by the directory's dated links. Of several links holding on the day the directory's one rule chooses (its
 * SQL function {@code directory_links_on}: docs/domain-rules.md, "A practice's commissioner on a date"), read once
 * per day; the rest is loaded once per recompute, so that millions of observations are placed by array lookups.
 */
final class Placements {

	private static final int NONE = -1;

	private final OrgCodes orgs;

	private final OrgCodes ccgs = new OrgCodes();

	private final OrgCodes areas = new OrgCodes();

	private final OrgCodes regions = new OrgCodes();

	private final OrgCodes icbs = new OrgCodes();

	private final boolean[] isCcg;

	private final List<Link> links = new ArrayList<>();

	private final Map<Window, Day> days = new HashMap<>();

	private record Link(int child, int parent, char parentType, LocalDate from, LocalDate to) {
	}

	/**
	 * Each organisation's CCG ({@link #NONE} if unplaced), each CCG's area team, each area team's region, and each
	 * CCG's integrated care board (a sub-ICB location's, from 1 July 2022; {@link #NONE} before) and each ICB's region.
	 */
	record Day(int[] ccgOf, int[] areaOfCcg, int[] regionOfArea, int[] icbOfCcg, int[] regionOfIcb) {
	}

	/** The code that stood for each superseded code on a structure date ({@code Directory.successorsOn}). */
	private final Function<LocalDate, Map<String, String>> successors;

	private final JdbcTemplate jdbc;

	/** Per day, each child's parent of each type ({@link #TYPES}) by the directory's rule, or {@link #NONE}. */
	private final Map<LocalDate, int[][]> onDay = new HashMap<>();

	private static final String TYPES = "CARI";

	// JdbcTemplate and hand mapping on purpose: the recomputation's placements, read once into index arrays.
	Placements(JdbcTemplate jdbc, Function<LocalDate, Map<String, String>> successors) {
		this.jdbc = jdbc;
		this.successors = successors;
		this.orgs = new OrgCodes();
		List<String> ccgCodes = new ArrayList<>();
		jdbc.query("select code, type from directory_organisation order by code", (RowCallbackHandler) rs -> {
			String code = rs.getString(1);
			String type = rs.getString(2);
			orgs.index(code);
			switch (type) {
				case "CCG" -> {
					ccgs.index(code);
					ccgCodes.add(code);
				}
				case "AREA_TEAM" -> areas.index(code);
				case "REGION" -> regions.index(code);
				case "ICB" -> icbs.index(code);
				default -> {
				}
			}
		});
		this.isCcg = new boolean[orgs.size()];
		ccgCodes.forEach(code -> isCcg[orgs.find(code)] = true);
		jdbc.query("""
				select r.child_code, r.parent_code, parent.type, r.valid_from, r.valid_to
				from directory_relationship r join directory_organisation parent on parent.code = r.parent_code
				where parent.type in ('CCG', 'AREA_TEAM', 'REGION', 'ICB')
				""", (RowCallbackHandler) rs -> {
			String parentType = rs.getString(3);
			String parent = rs.getString(2);
			int parentIndex = switch (parentType) {
				case "CCG" -> ccgs.find(parent);
				case "AREA_TEAM" -> areas.find(parent);
				case "ICB" -> icbs.find(parent);
				default -> regions.find(parent);
			};
			java.sql.Date from = rs.getDate(4);
			java.sql.Date to = rs.getDate(5);
			links.add(new Link(orgs.find(rs.getString(1)), parentIndex, parentType.charAt(0),
					from == null ? null : from.toLocalDate(), to == null ? null : to.toLocalDate()));
		});
	}

	/** Every organisation code of the directory, indexed; codes not in the directory may be added (unplaced). */
	OrgCodes orgs() {
		return orgs;
	}

	OrgCodes ccgs() {
		return ccgs;
	}

	OrgCodes areas() {
		return areas;
	}

	OrgCodes regions() {
		return regions;
	}

	OrgCodes icbs() {
		return icbs;
	}

	/**
	 * Where everything sits for a period that runs from {@code starts} to {@code ends}, by the attribution rule
	 * (docs/domain-rules.md#outcomes, "Attribution"): each organisation in the parent it had on the period's reference
	 * date, its last day; one whose links all ended within the period (a practice that closed) in the parent of its
	 * link that ended last. Computed once per period.
	 */
	synchronized Day on(LocalDate starts, LocalDate ends) {
		return days.computeIfAbsent(new Window(starts, ends), window -> place(window.ends(), window.starts(), null));
	}

	/**
	 * Where everything sits for a period re-mapped onto the structure of {@code structure}: each organisation in the
	 * parent it had on that date or, when it had none then (it had closed), in the parent of its link that ended last
	 * before it; one that had no link by then (it opened later) as the period places it. A CCG that had been
	 * succeeded by that date is then replaced by its successor on it (ODS successor chains), so a practice that closed
	 * before a merger, and a closed CCG's own observations, count in the merged CCG.
	 */
	synchronized Day remapped(LocalDate structure, LocalDate starts, LocalDate ends) {
		return remapped.computeIfAbsent(List.of(structure, starts, ends), key -> {
			Day day = place(structure, LocalDate.MIN, on(starts, ends));
			int[] successorOf = successorsOn(structure);
			int[] ccgOf = day.ccgOf().clone();
			for (int org = 0; org < ccgOf.length; org++) {
				if (ccgOf[org] != NONE) {
					ccgOf[org] = successorOf[ccgOf[org]];
				}
			}
			return new Day(ccgOf, day.areaOfCcg(), day.regionOfArea(), day.icbOfCcg(), day.regionOfIcb());
		});
	}

	/** Each CCG's index to that of the CCG that stood for it on {@code structure}: itself unless succeeded. */
	private int[] successorsOn(LocalDate structure) {
		int[] successorOf = new int[ccgs.size()];
		Map<String, String> codes = successors.apply(structure);
		for (int ccg = 0; ccg < successorOf.length; ccg++) {
			int successor = ccgs.find(codes.getOrDefault(ccgs.code(ccg), ccgs.code(ccg)));
			successorOf[ccg] = successor >= 0 ? successor : ccg;
		}
		return successorOf;
	}

	/**
	 * A fingerprint of where everything sits in a period by the attribution rule, stored beside the values computed
	 * with it, so that a directory change recomputes only the values whose placements it changed.
	 */
	synchronized long fingerprint(LocalDate starts, LocalDate ends) {
		Day day = on(starts, ends);
		// Over the organisations placed then: codes the scans add later are unplaced, and not part of it.
		int placed = day.ccgOf().length;
		long hash = placed;
		for (int i = 0; i < placed; i++) {
			hash = hash * 31 + orgs.code(i).hashCode();
		}
		for (int[] parents : List.of(day.ccgOf(), day.areaOfCcg(), day.regionOfArea(), day.icbOfCcg(),
				day.regionOfIcb())) {
			for (int parent : parents) {
				hash = hash * 1_000_003 + parent;
			}
			hash = hash * 31 + parents.length;
		}
		return hash;
	}

	/** How many organisations (as children of a CCG, area team, region or ICB) sit differently on two days. */
	static int differences(Day one, Day other) {
		return differences(one.ccgOf(), other.ccgOf()) + differences(one.areaOfCcg(), other.areaOfCcg())
				+ differences(one.regionOfArea(), other.regionOfArea()) + differences(one.icbOfCcg(), other.icbOfCcg());
	}

	private static int differences(int[] one, int[] other) {
		int count = 0;
		for (int i = 0; i < one.length; i++) {
			count += one[i] == other[i] ? 0 : 1;
		}
		return count;
	}

	private record Window(LocalDate starts, LocalDate ends) {
	}

	private final Map<List<LocalDate>, Day> remapped = new HashMap<>();

	/** Places everything on {@code reference} (or by its link ending last from {@code from}); else as {@code fallback}. */
	private Day place(LocalDate reference, LocalDate from, Day fallback) {
		int size = orgs.size();
		int[] ccgOfChild = best(reference, from, 'C', size);
		int[] areaOfOrg = best(reference, from, 'A', size);
		int[] regionOfOrg = best(reference, from, 'R', size);
		int[] icbOfOrg = best(reference, from, 'I', size);
		int[] areaOfCcg = new int[ccgs.size()];
		int[] icbOfCcg = new int[ccgs.size()];
		for (int ccg = 0; ccg < ccgs.size(); ccg++) {
			int org = orgs.find(ccgs.code(ccg));
			areaOfCcg[ccg] = areaOfOrg[org];
			icbOfCcg[ccg] = icbOfOrg[org];
		}
		int[] regionOfArea = new int[areas.size()];
		for (int area = 0; area < areas.size(); area++) {
			regionOfArea[area] = regionOfOrg[orgs.find(areas.code(area))];
		}
		int[] regionOfIcb = new int[icbs.size()];
		for (int icb = 0; icb < icbs.size(); icb++) {
			regionOfIcb[icb] = regionOfOrg[orgs.find(icbs.code(icb))];
		}
		if (fallback != null) {
			fill(ccgOfChild, fallback.ccgOf());
			fill(areaOfCcg, fallback.areaOfCcg());
			fill(regionOfArea, fallback.regionOfArea());
			fill(icbOfCcg, fallback.icbOfCcg());
			fill(regionOfIcb, fallback.regionOfIcb());
		}
		// A practice sits in its CCG; a CCG sits in itself, whether or not the directory knows its area team, so that
		// its own observations make its CCG value (issue 16, item 5).
		int[] ccgOf = ccgOfChild.clone();
		for (int org = 0; org < size; org++) {
			if (ccgOf[org] == NONE && isCcg[org]) {
				ccgOf[org] = ccgs.find(orgs.code(org));
			}
		}
		return new Day(ccgOf, areaOfCcg, regionOfArea, icbOfCcg, regionOfIcb);
	}


	private static void fill(int[] placed, int[] fallback) {
		for (int i = 0; i < placed.length && i < fallback.length; i++) {
			if (placed[i] == NONE) {
				placed[i] = fallback[i];
			}
		}
	}

	/**
	 * Per child, its parent of the given type on {@code reference}, by the directory's rule for links holding that day.
	 * A child with none then takes the link that ended last between {@code from} and the reference date.
	 */
	private int[] best(LocalDate reference, LocalDate from, char type, int size) {
		int[] parent = new int[size];
		java.util.Arrays.fill(parent, NONE);
		int[] chosen = onDay(reference)[TYPES.indexOf(type)];
		System.arraycopy(chosen, 0, parent, 0, Math.min(size, chosen.length));
		LocalDate[] endedLast = new LocalDate[size];
		for (Link link : links) {
			int child = link.child();
			if (link.parentType() != type || child >= size || (parent[child] != NONE && endedLast[child] == null)
					|| (link.from() != null && link.from().isAfter(reference))) {
				continue;
			}
			// Ended before the reference date: a candidate only for a child with no link on it.
			if (link.to() != null && link.to().isBefore(reference) && !link.to().isBefore(from)
					&& (parent[child] == NONE || link.to().isAfter(endedLast[child]))) {
				parent[child] = link.parent();
				endedLast[child] = link.to();
			}
		}
		return parent;
	}

	/** Each child's parent of each type on the day, as {@code directory_links_on} chooses: one query per day. */
	private int[][] onDay(LocalDate day) {
		return onDay.computeIfAbsent(day, key -> {
			int size = orgs.size();
			int[][] parents = new int[TYPES.length()][size];
			for (int[] row : parents) {
				java.util.Arrays.fill(row, NONE);
			}
			jdbc.query("select child_code, parent_code, parent_type from directory_links_on(?)"
					+ " where parent_type in ('CCG', 'AREA_TEAM', 'REGION', 'ICB')", (RowCallbackHandler) rs -> {
						int child = orgs.find(rs.getString(1));
						String parent = rs.getString(2);
						if (child < 0 || child >= size) {
							return;
						}
						switch (rs.getString(3)) {
							case "CCG" -> parents[0][child] = ccgs.find(parent);
							case "AREA_TEAM" -> parents[1][child] = areas.find(parent);
							case "REGION" -> parents[2][child] = regions.find(parent);
							default -> parents[3][child] = icbs.find(parent);
						}
					}, java.sql.Date.valueOf(key));
			return parents;
		});
	}
}
