package org.cocommission.outcomes.read;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cocommission.outcomes.OutcomesLevel;
import org.cocommission.outcomes.OutcomesValues;
import org.cocommission.outcomes.Structure;
import org.cocommission.outcomes.statistics.PeerAverage;
import org.cocommission.outcomes.ValueRow;

import org.springframework.stereotype.Component;

/** Adds the peer-group average and the comparison with it to a CCG's spine chart, reading values only through {@link OutcomesValues}. */
@Component
class PeerComparisons {

	private final OutcomesValues values;

	PeerComparisons(OutcomesValues values) {
		this.values = values;
	}

	List<SpineRow> withPeerAverages(List<SpineRow> spine, List<String> peerCodes) {
		return withPeerAverages(spine, peerCodes, null);
	}

	/** As above, the spine and the peers being of a chosen structure (null: as stored). */
	List<SpineRow> withPeerAverages(List<SpineRow> spine, List<String> peerCodes, Structure structure) {
		if (peerCodes.isEmpty() || spine.isEmpty()) {
			return spine;
		}
		Map<String, String> periods = new LinkedHashMap<>();
		spine.forEach(row -> periods.put(row.indicator().id(), row.period()));
		Map<String, List<ValueRow>> peers = values.valuesAt(periods, OutcomesLevel.CCG, peerCodes, structure);
		List<SpineRow> rows = new ArrayList<>(spine.size());
		for (SpineRow row : spine) {
			rows.add(row.withPeers(PeerAverage.of(row.indicator(), row.ccg(), peers.getOrDefault(row.indicator().id(),
					List.of()))));
		}
		return rows;
	}
}
