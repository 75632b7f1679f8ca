package org.cocommission.contracts.payments;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each yearly layout of NHS Payments to General Practice, from rows of the published files. */
class PaymentsFileTests {

	static PaymentsFile.Parsed parse(String resource) throws IOException {
		try (var in = PaymentsFileTests.class.getResourceAsStream("/contracts/" + resource)) {
			return PaymentsFile.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
	}

	@Test
	void readsThe2014To15LayoutWithItsByteOrderMark() throws IOException {
		var parsed = parse("payments-14-15.csv");

		assertThat(parsed.errors()).isEmpty();
		assertThat(parsed.rowsRead()).isEqualTo(4);
		var first = parsed.rows().get(0);
		assertThat(first.practiceCode()).isEqualTo("N81632");
		assertThat(first.regionCode()).isEqualTo("Q44");
		assertThat(first.regionName()).isEqualTo("Cheshire, Warrington and Wirral");
		assertThat(first.ccgCode()).isEqualTo("01C");
		assertThat(first.ccgName()).isEqualTo("Eastern Cheshire");
		assertThat(first.pcnCode()).isNull();
		assertThat(first.contractType()).isEqualTo("PMS");
		assertThat(first.dispensing()).isFalse();
		assertThat(first.registeredPatients()).isEqualByComparingTo("5707");
		assertThat(first.weightedPatients()).isEqualByComparingTo("5113");
		assertThat(first.totalPayments()).isEqualByComparingTo("635996");
		assertThat(first.lines()).hasSize(36).containsEntry("Balance of PMS Expenditure", new BigDecimal("397594"))
			.containsKey("Appraisal Costs")
			.doesNotContainKey("Average payments per registered patient");
		assertThat(parsed.rows()).extracting(PaymentsFile.PracticeYear::contractType)
			.containsExactly("PMS", "PMS", "GMS", "PMS");
	}

	@Test
	void readsThe2019To20LayoutWithPcnColumnsAndDecimalPatients() throws IOException {
		var parsed = parse("payments-19-20.csv");

		assertThat(parsed.errors()).isEmpty();
		var first = parsed.rows().get(0);
		assertThat(first.practiceCode()).isEqualTo("E83003");
		assertThat(first.regionCode()).isEqualTo("Y56");
		assertThat(first.ccgCode()).isEqualTo("07M");
		assertThat(first.ccgName()).isEqualTo("NHS BARNET CCG");
		assertThat(first.pcnCode()).isEqualTo("U33392");
		assertThat(first.pcnName()).isEqualTo("BARNET 2 PCN");
		assertThat(first.registeredPatients()).isEqualByComparingTo("9023.5");
		assertThat(first.weightedPatients()).isEqualByComparingTo("8292.59");
		assertThat(first.totalPayments()).isEqualByComparingTo("1131382.35");
		assertThat(first.lines()).hasSize(33).containsEntry("Global Sum", new BigDecimal("730443.21"));
	}

	@Test
	void readsThe2022To23LayoutWhereCodeAndCcgNameHoldThePcn() throws IOException {
		var parsed = parse("payments-22-23.csv");

		assertThat(parsed.errors()).isEmpty();
		var first = parsed.rows().get(0);
		assertThat(first.practiceCode()).isEqualTo("A81001");
		assertThat(first.ccgCode()).isEqualTo("16C");
		assertThat(first.ccgName()).isEqualTo("NHS NORTH EAST AND NORTH CUMBRIA ICB - 16C");
		assertThat(first.pcnCode()).isEqualTo("U89141");
		assertThat(first.pcnName()).isEqualTo("STOCKTON PCN");
		assertThat(first.registeredPatients()).isEqualByComparingTo("4029.25");
		// the plain total, not the later totals with COVID or PCN payments
		assertThat(first.totalPayments()).isEqualByComparingTo("720462.51");
		assertThat(first.lines()).hasSize(50).containsEntry("Global Sum", new BigDecimal("438099.78"));
	}

	@Test
	void refusesAFileThatIsNotAPaymentsFile() {
		var parsed = PaymentsFile.parse(new StringReader("PRACTICE,PATIENTS\nA81001,100\n"));

		assertThat(parsed.rows()).isEmpty();
		assertThat(parsed.errors()).singleElement().satisfies(error -> {
			assertThat(error.row()).isEqualTo(1);
			assertThat(error.message()).contains("no column practice code");
		});
	}

	@Test
	void namesTheRowOfAnAmountThatIsNotANumberAndOfAPracticeListedTwice() {
		String header = "Practice Code,Practice Name,Contract Type,Number of Registered Patients (Last Known Figure),"
				+ "Number of Weighted Patients (Last Known Figure),Global Sum,Total NHS Payments to General Practice\n";
		var parsed = PaymentsFile.parse(new StringReader(header + "A81001,ONE,GMS,100,90,10,20\n"
				+ "A81002,TWO,GMS,100,90,ten,20\n" + "A81001,ONE AGAIN,GMS,100,90,10,20\n"));

		assertThat(parsed.rowsRead()).isEqualTo(3);
		assertThat(parsed.errors()).extracting(error -> error.row() + ": " + error.message())
			.containsExactly("3: Global Sum: 'ten' is not a number", "4: practice A81001 appears twice");
	}
}
