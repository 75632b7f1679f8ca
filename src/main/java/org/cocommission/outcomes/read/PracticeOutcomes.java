package org.cocommission.outcomes.read;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import org.cocommission.directory.Directory;
import org.cocommission.directory.OrganisationDetails;
import org.cocommission.directory.OrganisationRef;
import org.cocommission.directory.OrganisationSummary;
import org.cocommission.directory.OrganisationType;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.outcomes.Indicator;
import org.cocommission.outcomes.Indicators;
import org.cocommission.outcomes.OutcomesLevel;
import org.cocommission.outcomes.OutcomesValues;
import org.cocommission.outcomes.PeerGroups;
import org.cocommission.outcomes.PracticePeerGroups;
import org.cocommission.outcomes.ValueRow;
import org.cocommission.outcomes.statistics.PeerAverage;
import org.cocommission.platform.PageOf;

import org.springframework.stereotype.Service;

/**
 * What the practice page and its API show: a practice's indicators against England, its CCG and its 10 peers, the
 * peers and why, and one indicator among the practices of its CCG. Values are aggregate statistics that every
 * signed-in user may read (as {@link OutcomesValues} says); they are read only through it.
 */
@Service
class PracticeOutcomes {

	/** A practice and the CCG it belongs to today (null if none). */
	record Practice(String code, String name, String ccgCode, String ccgName) {
	}

	/** A practice's peers, with every variable of the practice and of each peer, by practice code. */
	record Peers(List<PracticePeerGroups.Peer> peers, List<String> variables,
			Map<String, List<PeerGroups.Variable>> values) {
	}

	/** One indicator for the practices of one CCG, the chosen practice ({@code practice} is its value) among them. */
	record AmongCcg(Practice chosen, Indicator indicator, String period, List<String> periods, ValueRow practice, ValueRow ccg,
			ValueRow england, PeerAverage peers, List<ValueRow> practices) {
	}

	private final AccessPolicy access;

	private final Directory directory;

	private final Indicators indicators;

	private final OutcomesValues values;

	private final PracticePeerGroups peerGroups;

	PracticeOutcomes(AccessPolicy access, Directory directory, Indicators indicators, OutcomesValues values,
			PracticePeerGroups peerGroups) {
		this.access = access;
		this.directory = directory;
		this.indicators = indicators;
		this.values = values;
		this.peerGroups = peerGroups;
	}

	/** Whether the directory has a GP practice with this code. */
	boolean isPractice(String code) {
		access.requireUser();
		return directory.find(code).filter(organisation -> organisation.type() == OrganisationType.GP_PRACTICE).isPresent();
	}

	Practice practice(String code) {
		access.requireUser();
		OrganisationDetails details = directory.find(code)
			.filter(organisation -> organisation.type() == OrganisationType.GP_PRACTICE)
			.orElseThrow(() -> new NoSuchElementException("No practice with code " + code));
		OrganisationRef ccg = details.parentChain()
			.stream()
			.filter(parent -> parent.type() == OrganisationType.CCG)
			.findFirst()
			.orElse(null);
		return new Practice(details.code(), details.name(), ccg == null ? null : ccg.code(),
				ccg == null ? null : ccg.name());
	}

	/** The practice page: the practice, its spine and its peers, the practice looked up once. */
	record Page(Practice practice, List<PracticeSpineRow> spine, Peers peers) {
	}

	Page page(String practiceCode) {
		Practice practice = practice(practiceCode);
		return new Page(practice, spineOf(practice.code()), peersOf(practice.code()));
	}

	/** Every practice-level indicator the practice has a value of, at its latest period. */
	List<PracticeSpineRow> spine(String practiceCode) {
		return spineOf(practice(practiceCode).code());
	}

	private List<PracticeSpineRow> spineOf(String practiceCode) {
		List<String> wanted = new ArrayList<>(peerCodes(practiceCode));
		wanted.add(practiceCode);
		Map<String, String> latest = new LinkedHashMap<>();
		values.latestPeriods(OutcomesLevel.PRACTICE, practiceCode).forEach((indicatorId, period) -> {
			if (indicators.get(indicatorId).level() == OutcomesLevel.PRACTICE) {
				latest.put(indicatorId, period);
			}
		});
		if (latest.isEmpty()) {
			return List.of();
		}
		Map<String, List<ValueRow>> practices = values.valuesAt(latest, OutcomesLevel.PRACTICE, wanted);
		Map<String, List<ValueRow>> england = values.valuesAt(latest, OutcomesLevel.ENGLAND, null);
		Map<String, OutcomesValues.Range> ranges = values.rangesAt(latest, OutcomesLevel.PRACTICE);
		Set<String> ccgCodes = new HashSet<>();
		practices.values().forEach(rows -> rows.stream()
			.filter(row -> row.orgCode().equals(practiceCode) && row.parentCode() != null)
			.forEach(row -> ccgCodes.add(row.parentCode())));
		Map<String, List<ValueRow>> ccgs = ccgCodes.isEmpty() ? Map.of()
				: values.valuesAt(latest, OutcomesLevel.CCG, ccgCodes);
		List<PracticeSpineRow> rows = new ArrayList<>();
		for (Indicator indicator : indicators.all()) {
			String period = latest.get(indicator.id());
			List<ValueRow> found = practices.getOrDefault(indicator.id(), List.of());
			ValueRow own = found.stream().filter(row -> row.orgCode().equals(practiceCode)).findFirst().orElse(null);
			if (period == null || own == null) {
				continue;
			}
			List<ValueRow> peers = found.stream().filter(row -> !row.orgCode().equals(practiceCode)).toList();
			ValueRow ccg = ccgs.getOrDefault(indicator.id(), List.of())
				.stream()
				.filter(row -> row.orgCode().equals(own.parentCode()))
				.findFirst()
				.orElse(null);
			Double englandValue = england.getOrDefault(indicator.id(), List.of()).stream().findFirst()
				.map(ValueRow::value).orElse(null);
			OutcomesValues.Range range = ranges.getOrDefault(indicator.id(), new OutcomesValues.Range(null, null));
			rows.add(new PracticeSpineRow(indicator, period, englandValue, own, ccg, PeerAverage.of(indicator, own, peers),
					range.lowest(), range.highest()));
		}
		return rows;
	}

	Peers peers(String practiceCode) {
		return peersOf(practice(practiceCode).code());
	}

	private Peers peersOf(String practiceCode) {
		List<PracticePeerGroups.Peer> peers = peerGroups.practicePeers(practiceCode);
		List<String> codes = new ArrayList<>();
		codes.add(practiceCode);
		peers.forEach(peer -> codes.add(peer.practiceCode()));
		return new Peers(peers, peers.isEmpty() ? List.of() : peerGroups.variablesUsed(), peerGroups.variablesOf(codes));
	}

	/** One practice-level indicator at a period (default the latest) for every practice of the practice's CCG. */
	AmongCcg amongCcg(String practiceCode, String indicatorId, String period) {
		Practice practice = practice(practiceCode);
		Indicator indicator = indicators.get(indicatorId);
		if (indicator.level() != OutcomesLevel.PRACTICE) {
			throw new IllegalArgumentException(indicatorId + " is observed for CCGs, not practices");
		}
		List<String> periods = values.periods(indicatorId);
		String chosen = period != null && periods.contains(period) ? period
				: values.latestPeriods(OutcomesLevel.PRACTICE, practiceCode).get(indicatorId);
		if (chosen == null) {
			return new AmongCcg(practice, indicator, null, periods, null, null, null, PeerAverage.NONE, List.of());
		}
		ValueRow own = values.valuesOf(indicatorId, OutcomesLevel.PRACTICE, chosen, List.of(practiceCode))
			.stream()
			.findFirst()
			.orElse(null);
		String ccgCode = own != null && own.parentCode() != null ? own.parentCode() : practice.ccgCode();
		List<ValueRow> practices = ccgCode == null ? List.of()
				: values.values(indicatorId, OutcomesLevel.PRACTICE, chosen, ccgCode)
					.stream()
					.sorted(Comparator.comparing(ValueRow::value, Comparator.nullsLast(Comparator.reverseOrder())))
					.toList();
		ValueRow ccg = ccgCode == null ? null
				: values.valuesOf(indicatorId, OutcomesLevel.CCG, chosen, List.of(ccgCode)).stream().findFirst().orElse(null);
		List<ValueRow> peers = values.valuesOf(indicatorId, OutcomesLevel.PRACTICE, chosen, peerCodes(practiceCode));
		ValueRow england = values.values(indicatorId, OutcomesLevel.ENGLAND, chosen, null).stream().findFirst().orElse(null);
		return new AmongCcg(practice, indicator, chosen, periods, own, ccg, england, PeerAverage.of(indicator, own, peers), practices);
	}

	/** A page of the practices of a CCG today, by name, optionally only those whose code or name matches. */
	PageOf<OrganisationSummary> ccgPractices(String ccgCode, String query, int page, int size) {
		access.requireUser();
		PageOf.check(page, size, size);
		return directory.list(OrganisationType.GP_PRACTICE, ccgCode, query, Directory.ListSort.NAME, false, page, size);
	}

	private List<String> peerCodes(String practiceCode) {
		return peerGroups.practicePeers(practiceCode).stream().map(PracticePeerGroups.Peer::practiceCode).toList();
	}

}
