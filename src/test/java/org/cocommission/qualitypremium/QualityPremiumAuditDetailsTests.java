package org.cocommission.qualitypremium;

import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What quality premium writes to the audit trail keeps its field names and values (each expected map is what was
 * written before it was a record). PostgreSQL's jsonb keeps its own key order, so order is not compared.
 */
class QualityPremiumAuditDetailsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void anUploadRecordsTheRowsReadStoredAndInError() {
		assertThat(tree(new QualityPremium.DataLoaded(212, 210, 2)))
			.isEqualTo(tree(Map.of("rowsRead", 212, "stored", 210, "errors", 2)));
	}

	@Test
	void aRunRecordsItsYearInputsCcgsTotalsAndSource() {
		assertThat(tree(new QualityPremium.RunComputed("2013/14", "ab12", 211, "1000.00", "750.50", "uploaded data")))
			.isEqualTo(tree(Map.of("year", "2013/14", "inputsSha256", "ab12", "ccgs", 211, "totalMaximum", "1000.00",
					"totalPaid", "750.50", "source", "uploaded data")));
	}

	private static JsonNode tree(Object value) {
		return JSON.readTree(JSON.writeValueAsString(value));
	}
}
