package org.cocommission.outcomes.compute;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cocommission.outcomes.imports.OrgCodes;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Where every organisation sits on a given day, as int indices: a practice's CCG, a CCG's area team, an area team's
 * region, by the directory's dated links (of several links valid on the day, the one valid from the latest date).
 * Loaded once per recompute, so that millions of observations are placed by array lookups instead of a join.
 */
final class Placements {

	private static final int NONE = -1;

	private final OrgCodes orgs;

	private final OrgCodes ccgs = new OrgCodes();

	private final OrgCodes areas = new OrgCodes();

	private final OrgCodes regions = new OrgCodes();

	private final boolean[] isCcg;

	private final List<Link> links = new ArrayList<>();

	private final Map<LocalDate, Day> days = new HashMap<>();

	private record Link(int child, int parent, char parentType, LocalDate from, LocalDate to) {
	}

	/** Each organisation's CCG ({@link #NONE} if unplaced), each CCG's area team, each area team's region. */
	record Day(int[] ccgOf, int[] areaOfCcg, int[] regionOfArea) {
	}

	// JdbcTemplate and hand mapping on purpose: the recomputation's placements, read once into index arrays.
	Placements(JdbcTemplate jdbc) {
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
				default -> {
				}
			}
		});
		this.isCcg = new boolean[orgs.size()];
		ccgCodes.forEach(code -> isCcg[orgs.find(code)] = true);
		jdbc.query("""
				select r.child_code, r.parent_code, parent.type, r.valid_from, r.valid_to
				from directory_relationship r join directory_organisation parent on parent.code = r.parent_code
				where parent.type in ('CCG', 'AREA_TEAM', 'REGION')
				""", (RowCallbackHandler) rs -> {
			String parentType = rs.getString(3);
			String parent = rs.getString(2);
			int parentIndex = switch (parentType) {
				case "CCG" -> ccgs.find(parent);
				case "AREA_TEAM" -> areas.find(parent);
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

	/** Where everything sits on {@code date}; computed once per date. */
	synchronized Day on(LocalDate date) {
		return days.computeIfAbsent(date, this::place);
	}

	private Day place(LocalDate date) {
		int size = orgs.size();
		int[] ccgOfChild = best(date, 'C', size);
		int[] areaOfOrg = best(date, 'A', size);
		int[] regionOfOrg = best(date, 'R', size);
		int[] areaOfCcg = new int[ccgs.size()];
		java.util.Arrays.fill(areaOfCcg, NONE);
		for (int ccg = 0; ccg < ccgs.size(); ccg++) {
			int org = orgs.find(ccgs.code(ccg));
			areaOfCcg[ccg] = areaOfOrg[org];
		}
		int[] regionOfArea = new int[areas.size()];
		for (int area = 0; area < areas.size(); area++) {
			regionOfArea[area] = regionOfOrg[orgs.find(areas.code(area))];
		}
		// A practice sits in its CCG; a CCG sits in itself when it has an area team (as the observations of CCG
		// indicators are placed), so that its own observations make its CCG value.
		int[] ccgOf = ccgOfChild.clone();
		for (int org = 0; org < size; org++) {
			if (ccgOf[org] == NONE && isCcg[org]) {
				int ccg = ccgs.find(orgs.code(org));
				if (areaOfCcg[ccg] != NONE) {
					ccgOf[org] = ccg;
				}
			}
		}
		return new Day(ccgOf, areaOfCcg, regionOfArea);
	}

	/** Per child, the parent of the given type valid on the date that was valid from the latest date (undated last). */
	private int[] best(LocalDate date, char type, int size) {
		int[] parent = new int[size];
		java.util.Arrays.fill(parent, NONE);
		LocalDate[] from = new LocalDate[size];
		boolean[] undated = new boolean[size];
		for (Link link : links) {
			if (link.parentType() != type || (link.from() != null && link.from().isAfter(date))
					|| (link.to() != null && link.to().isBefore(date))) {
				continue;
			}
			int child = link.child();
			boolean better = parent[child] == NONE
					|| (link.from() != null && (undated[child] || link.from().isAfter(from[child])));
			if (better) {
				parent[child] = link.parent();
				from[child] = link.from();
				undated[child] = link.from() == null;
			}
		}
		return parent;
	}
}
