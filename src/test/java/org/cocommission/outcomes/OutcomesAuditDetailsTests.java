package org.cocommission.outcomes;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What outcomes writes to the audit trail keeps its field names and values: the audit page, its CSV and anyone
 * querying {@code after_state} read them by name. (PostgreSQL's jsonb keeps its own key order, whatever the record's.)
 */
class OutcomesAuditDetailsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void anImportRecordsItsFileWhatItStoredAndWhatItDefined() {
		assertThat(JSON.writeValueAsString(new ObservationImports.Imported("long", "flu.csv", 8, 7, 1,
				List.of("QOF-AF001"), 2)))
			.isEqualTo("{\"format\":\"long\",\"fileName\":\"flu.csv\",\"rowsRead\":8,\"stored\":7,"
					+ "\"indicatorPeriods\":1,\"indicatorsDefined\":[\"QOF-AF001\"],\"warnings\":2}");
	}

	@Test
	void aSupplyRecordsItsSupplierAndWhatItStored() {
		assertThat(JSON.writeValueAsString(new SuppliedIndicators.Supplied("workforce", "GP FTE, September 2015", 3,
				120, 1)))
			.isEqualTo("{\"supplier\":\"workforce\",\"description\":\"GP FTE, September 2015\",\"indicatorPeriods\":3,"
					+ "\"stored\":120,\"unknownPractices\":1}");
	}

	@Test
	void aRecomputationOfPeersRecordsWhatWasGroupedTheExtractAndTheVariables() {
		assertThat(JSON.writeValueAsString(new PeerGroups.PeersComputed(2, "2019-10-01", List.of("age65", "imd"))))
			.isEqualTo("{\"ccgs\":2,\"extract\":\"2019-10-01\",\"variables\":[\"age65\",\"imd\"]}");
		assertThat(JSON.writeValueAsString(new PracticePeerGroups.PracticePeersComputed(8, "2019-10-01",
				List.of("age65"))))
			.isEqualTo("{\"practices\":8,\"extract\":\"2019-10-01\",\"variables\":[\"age65\"]}");
	}
}
