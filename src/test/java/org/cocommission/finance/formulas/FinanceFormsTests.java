package org.cocommission.finance.formulas;

import org.junit.jupiter.api.Test;

import org.cocommission.finance.CcgFactor;
import org.cocommission.platform.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Tables pasted from a spreadsheet into a formula's forms: read whole, or refused with every bad line named. */
class FinanceFormsTests {

	@Test
	void readsEveryCcgLineSkippingTheHeaderAndBlankLines() {
		var form = new PastedFactors.CcgFactorsForm(
				"code,need,mff,inequality\n00k,1.02,0.98,1.10\n\n01a\t0.95\t1.01\t0.90\n");

		assertThat(form.rows()).extracting(CcgFactor::ccgCode).containsExactly("00K", "01A");
	}

	@Test
	void namesEachBadOrRepeatedLineAndKeepsNothing() {
		var form = new PastedFactors.CcgFactorsForm("00K,1.02,0.98,1.10\n00K,1.00,1.00,1.00\n01A,x,1,1\n02B,1,1");

		var refused = catchThrowableOfType(InvalidInputException.class, form::rows);

		assertThat(refused.fieldErrors()).containsOnlyKeys("factors");
		assertThat(refused.fieldErrors().get("factors")).isEqualTo("Line 2: CCG 00K appears twice; "
				+ "Line 3: The additional need must be a number, not 'x'; "
				+ "Line 4 needs 4 values (code, additional need, market forces factor, inequality index), not 3");
	}

	@Test
	void nursingHomePatientsAreWholePeople() {
		var form = new PastedFactors.PracticeFactorsForm("A81001,1,1,1,1,2.5\nA81001,1,1,1,1,2");

		var refused = catchThrowableOfType(InvalidInputException.class, form::rows);

		assertThat(refused.fieldErrors().get("practiceFactors"))
			.isEqualTo("Line 1: The number of nursing home patients must be a whole number");
	}
}
