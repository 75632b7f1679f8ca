package org.cocommission.finance;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What allocation runs write to the audit trail keeps its field names and values. (PostgreSQL's jsonb keeps its own
 * key order, whatever the record's; FinanceModuleTests checks a publication's row as stored.)
 */
class FinanceAuditDetailsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void aBaselineRecordsItsRowsAndTotalAndARecomputationItsCcgsAndWhetherAnythingChanged() {
		assertThat(JSON.writeValueAsString(new AllocationRuns.BaselineImported(211, "65432100.00")))
			.isEqualTo("{\"rows\":211,\"total\":\"65432100.00\"}");
		assertThat(JSON.writeValueAsString(new AllocationRuns.ResultsRecomputed(211, true)))
			.isEqualTo("{\"ccgs\":211,\"unchanged\":true}");
	}
}
