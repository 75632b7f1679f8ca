package org.cocommission.outcomes.read;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import tools.jackson.databind.json.JsonMapper;

import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.CurrentUser;
import org.cocommission.outcomes.Indicator;
import org.cocommission.outcomes.Indicators;
import org.cocommission.outcomes.OutcomesLevel;
import org.cocommission.outcomes.OutcomesValues;
import org.cocommission.outcomes.PeerGroups;
import org.cocommission.outcomes.Structure;
import org.cocommission.outcomes.ValueRow;

import org.springframework.stereotype.Service;

/**
 * What the outcomes pages and API show, with who may do what: every signed-in user reads definitions, values and
 * peers (aggregate statistics, not personal data); only national users import or recompute.
 */
@Service
public class OutcomesPages {

	private final AccessPolicy access;

	private final Indicators indicators;

	private final OutcomesValues values;

	private final PeerGroups peers;

	private final PeerComparisons peerComparisons;

	private final OutcomesReadCache cache;

	private final JsonMapper json;

	private final OutcomesTrends trends;

	OutcomesPages(AccessPolicy access, Indicators indicators, OutcomesValues values, PeerGroups peers,
			PeerComparisons peerComparisons, OutcomesReadCache cache, JsonMapper json, OutcomesTrends trends) {
		this.cache = cache;
		this.json = json;
		this.trends = trends;
		this.access = access;
		this.indicators = indicators;
		this.values = values;
		this.peers = peers;
		this.peerComparisons = peerComparisons;
	}

	CurrentUser requireUser() {
		return access.requireUser();
	}

	public boolean isNational() {
		return access.currentUser().map(CurrentUser::isNational).orElse(false);
	}

	int recomputePeers() {
		access.checkNational();
		return peers.recompute();
	}

	/**
	 * The spine as the API sends it: the same for every reader until the values change, so serialized once per
	 * generation (Jackson took a quarter of each request).
	 */
	byte[] spineJson(String ccgCode, Structure structure) {
		requireUser();
		values.name(ccgCode);
		return cache.get("spineJson", spineKey(ccgCode, structure),
				() -> json.writeValueAsBytes(spine(ccgCode, structure)));
	}

	List<SpineRow> spine(String ccgCode) {
		return spine(ccgCode, null);
	}

	/**
	 * A CCG's spine in a chosen structure (docs/domain-rules.md#outcomes, "Spine chart"): its values, its peers and
	 * the range of all CCGs all of that structure; null: as stored (the stored values and peer groups).
	 */
	List<SpineRow> spine(String ccgCode, Structure structure) {
		requireUser();
		values.name(ccgCode);
		return cache.get("spine", spineKey(ccgCode, structure), () -> {
			List<String> peerCodes = peers.peersOrEmpty(ccgCode, structure).stream().map(PeerGroups.Peer::ccgCode)
				.toList();
			return List.copyOf(peerComparisons.withPeerAverages(values.spine(ccgCode, peerCodes, structure), peerCodes,
					structure));
		});
	}

	private static List<String> spineKey(String ccgCode, Structure structure) {
		return structure == null ? List.of(ccgCode) : List.of(ccgCode, structure.parameter());
	}

	/** The league table of a level, sorted by organisation, value or decile. */
	List<ValueRow> league(String indicatorId, OutcomesLevel level, String period, String parent, String sort,
			boolean descending) {
		return league(indicatorId, level, period, parent, sort, descending, null);
	}

	/** As above, in a chosen structure (null: as the values are stored). */
	List<ValueRow> league(String indicatorId, OutcomesLevel level, String period, String parent, String sort,
			boolean descending, Structure structure) {
		Comparator<ValueRow> order = switch (sort == null ? "org" : sort) {
			case "value" -> Comparator.comparing(ValueRow::value, Comparator.nullsLast(Comparator.naturalOrder()));
			case "decile" -> Comparator.comparing(ValueRow::decile, Comparator.nullsLast(Comparator.naturalOrder()));
			case "denominator" -> Comparator.comparingDouble(ValueRow::denominator);
			case "name" -> Comparator.comparing(ValueRow::orgName, Comparator.nullsLast(Comparator.naturalOrder()));
			default -> Comparator.comparing(ValueRow::orgCode);
		};
		if (descending) {
			order = order.reversed();
		}
		return values.values(indicatorId, level, period, parent, structure).stream().sorted(order).toList();
	}

	/** One page of an indicator's league table, its rows written out with their trends. */
	LeagueTable leagueTable(Indicator indicator, OutcomesLevel level, String period, String parent, String sort,
			boolean descending, int page) {
		return leagueTable(indicator, level, period, parent, sort, descending, page, null);
	}

	/** As above, in a chosen structure (null: as the values are stored). */
	LeagueTable leagueTable(Indicator indicator, OutcomesLevel level, String period, String parent, String sort,
			boolean descending, int page, Structure structure) {
		List<ValueRow> rows = league(indicator.id(), level, period, parent, sort, descending, structure);
		int pageCount = Math.max(1, (rows.size() + LeagueTable.PAGE_SIZE - 1) / LeagueTable.PAGE_SIZE);
		int shown = Math.max(0, Math.min(page, pageCount - 1));
		List<ValueRow> shownRows = rows.subList(shown * LeagueTable.PAGE_SIZE,
				Math.min(rows.size(), (shown + 1) * LeagueTable.PAGE_SIZE));
		String html = IndicatorTables.league(
				LeagueLine.of(level, shownRows, trends.league(indicator, level, period, shownRows, structure)));
		return new LeagueTable(rows.size(), shown, pageCount, html);
	}

	/** The funnel plot of every organisation of a level in a period. */
	FunnelPlot funnel(Indicator indicator, OutcomesLevel level, String period) {
		return funnel(indicator, level, period, null);
	}

	/** The funnel plot of a level's organisations in a period, only those under {@code parent} when it is given. */
	FunnelPlot funnel(Indicator indicator, OutcomesLevel level, String period, String parent) {
		return funnel(indicator, level, period, parent, null);
	}

	/** As above, in a chosen structure (null: as the values are stored). */
	FunnelPlot funnel(Indicator indicator, OutcomesLevel level, String period, String parent, Structure structure) {
		return funnel(indicator, period, values.values(indicator.id(), level, period, parent, structure));
	}

	public FunnelPlot funnel(Indicator indicator, String period, List<ValueRow> rows) {
		Double england = values.values(indicator.id(), OutcomesLevel.ENGLAND, period, null)
			.stream()
			.findFirst()
			.map(ValueRow::value)
			.orElse(null);
		return FunnelPlot.of(indicator, england, rows);
	}

	static <T> List<List<Object>> rows(List<T> items, Function<T, List<Object>> row) {
		return items.stream().map(row).toList();
	}
}
