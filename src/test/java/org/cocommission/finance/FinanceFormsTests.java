package org.cocommission.finance;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tables pasted from a spreadsheet: read whole, or refused with every bad line named. */
class FinanceFormsTests {

	@Test
	void readsEveryCcgLineSkippingTheHeaderAndBlankLines() {
		var parsed = FinanceForms.ccgFactors("code,need,mff,inequality\n00k,1.02,0.98,1.10\n\n01a\t0.95\t1.01\t0.90\n");

		assertThat(parsed.errors()).isEmpty();
		assertThat(parsed.value()).extracting(CcgFactor::ccgCode).containsExactly("00K", "01A");
	}

	@Test
	void namesEachBadOrRepeatedLineAndKeepsNothing() {
		var parsed = FinanceForms.ccgFactors("00K,1.02,0.98,1.10\n00K,1.00,1.00,1.00\n01A,x,1,1\n02B,1,1");

		assertThat(parsed.value()).isNull();
		assertThat(parsed.errors().get("factors")).isEqualTo("Line 2: CCG 00K appears twice; "
				+ "Line 3: The additional need must be a number, not 'x'; "
				+ "Line 4 needs 4 values (code, additional need, market forces factor, inequality index), not 3");
	}

	@Test
	void nursingHomePatientsAreWholePeople() {
		var parsed = FinanceForms.practiceFactors("A81001,1,1,1,1,2.5\nA81001,1,1,1,1,2");

		assertThat(parsed.errors().get("practiceFactors"))
			.isEqualTo("Line 1: The number of nursing home patients must be a whole number");
	}
}
