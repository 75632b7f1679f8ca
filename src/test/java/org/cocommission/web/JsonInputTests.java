package org.cocommission.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a JSON body's numbers may hold: a double or float that would read as Infinity or NaN is refused naming its
 * field, as a decimal too large to store is; ordinary values read as before.
 */
class JsonInputTests {

	record Reading(double rate, Double share, float weight, Float factor) {
	}

	private final JsonMapper mapper = JsonMapper.builder().addModule(new JsonInput().storableJsonValues()).build();

	@Test
	void aDoubleOrFloatBeyondTheirRangeOrNotANumberIsRefusedNamingTheField() {
		for (String[] bad : new String[][] { { "rate", "1e400" }, { "rate", "-1e400" }, { "share", "1e400" },
				{ "share", "\"NaN\"" }, { "weight", "1e39" }, { "factor", "\"Infinity\"" } }) {
			assertThatThrownBy(() -> mapper.readValue("{\"" + bad[0] + "\":" + bad[1] + "}", Reading.class))
				.as(bad[0] + " = " + bad[1])
				.isInstanceOfSatisfying(DatabindException.class, ex -> {
					assertThat(ex.getPath()).isNotEmpty();
					assertThat(ex.getPath().get(0).getPropertyName()).isEqualTo(bad[0]);
					assertThat(ex.getOriginalMessage()).contains("not a finite number");
				});
		}
	}

	@Test
	void finiteNumbersAndNullsReadAsBefore() {
		Reading reading = mapper.readValue("{\"rate\":1.5e10,\"share\":null,\"weight\":2.5,\"factor\":-3}", Reading.class);

		assertThat(reading).isEqualTo(new Reading(1.5e10, null, 2.5f, -3f));
	}
}
