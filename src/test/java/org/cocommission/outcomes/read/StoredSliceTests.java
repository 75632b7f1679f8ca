package org.cocommission.outcomes.read;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

import org.cocommission.outcomes.ValueRow;

class StoredSliceTests {

	private static ValueRow row(String code, Double value) {
		return new ValueRow(code, code, "Q01", 1, 10, value, null, null, null, null, "SIMILAR", null);
	}

	private final StoredSlice slice = StoredSlice.of(List.of(row("01A", 12.0), row("01B", null), row("01C", 3.0),
			row("01D", 40.0)));

	@Test
	void findsRowsByCodeInTheSlicesOrderOnceEach() {
		assertThat(slice.row("01C").value()).isEqualTo(3.0);
		assertThat(slice.row("99Z")).isNull();
		assertThat(slice.only(List.of("01D", "99Z", "01A", "01D")).stream().map(ValueRow::orgCode))
			.containsExactly("01A", "01D");
	}

	@Test
	void theRangeSkipsOrganisationsWithoutAValue() {
		assertThat(slice.lowest()).isEqualTo(3.0);
		assertThat(slice.highest()).isEqualTo(40.0);
		assertThat(StoredSlice.of(List.of(row("01B", null))).lowest()).isNull();
		assertThat(slice.firstValue()).isEqualTo(12.0);
	}
}
