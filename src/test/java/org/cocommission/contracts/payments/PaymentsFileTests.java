package org.cocommission.contracts.payments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each yearly layout of NHS Payments to General Practice, from the headings of the published files. */
class PaymentsFileTests {

	static PaymentsFile.Layout heading(String resource) throws IOException {
		try (InputStream in = PaymentsFileTests.class.getResourceAsStream("/contracts/" + resource)) {
			return PaymentsFile.heading(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElseThrow());
		}
	}

	@Test
	void findsThe2014To15ColumnsBehindItsByteOrderMark() throws IOException {
		var layout = heading("payments-14-15.csv");

		assertThat(layout.missing()).isEmpty();
		assertThat(layout.width()).isEqualTo(53);
		assertThat(layout.column("nhs england (region) code")).isZero();
		assertThat(layout.column("practice code")).isEqualTo(4);
		assertThat(layout.pcnCode()).isEqualTo("pcn code");
		assertThat(layout.lineNames()).hasSize(36)
			.contains("Balance of PMS Expenditure", "Appraisal Costs", "Total NHS Payments to General Practice")
			.doesNotContain("Average payments per registered patient");
	}

	@Test
	void findsThe2019To20PcnColumns() throws IOException {
		var layout = heading("payments-19-20.csv");

		assertThat(layout.missing()).isEmpty();
		assertThat(layout.column("pcn code")).isNotNull();
		assertThat(layout.pcnName()).isEqualTo("pcn name");
		assertThat(layout.lineNames()).hasSize(33).contains("Global Sum");
	}

	@Test
	void readsThe2022To23CodeAndCcgNameAsThePcn() throws IOException {
		var layout = heading("payments-22-23.csv");

		assertThat(layout.missing()).isEmpty();
		assertThat(layout.ccgName()).isEqualTo("sub icb name");
		assertThat(layout.pcnCode()).isEqualTo("code");
		assertThat(layout.pcnName()).isEqualTo("ccg name");
		assertThat(layout.lineNames()).hasSize(50).contains("Global Sum");
	}

	@Test
	void namesTheColumnsAFileThatIsNotAPaymentsFileLacks() {
		var layout = PaymentsFile.heading("PRACTICE,PATIENTS");

		assertThat(layout.missing()).contains("practice code", "contract type",
				"total nhs payments to general practice");
	}

	@Test
	void blankLinesAndLinesOfSpacesBecomeEmptyRowsSoEveryLineKeepsItsNumber() {
		String crlf = "A,1,2\r\n\r\n  \r\nB,3,4\r\n";

		PaymentsFile.AsCopyReads copied = PaymentsFile.asCopyReads(crlf.getBytes(StandardCharsets.UTF_8), 3);

		assertThat(new String(copied.rows(), StandardCharsets.UTF_8)).isEqualTo("A,1,2\r\n,,\r\n,,\r\nB,3,4\r\n");
		assertThat(copied.lineEndingsChangeAt()).isZero();
		assertThat(PaymentsFile.asCopyReads(new byte[0], 3).rows()).isEmpty();
	}

	/**
	 * COPY's CSV reader wants the first line's ending throughout: a line that ends otherwise ends as the first, and the
	 * first row that did is told; line breaks within a quoted field are the field's own and stay as they are.
	 */
	@Test
	void aLineEndingUnlikeTheFirstRowsEndsAsTheFirst() {
		String rows = "A,1,2\r\n\r\n   \t\nB,3,4\n\"C\n\n\",5,6\n  ";

		PaymentsFile.AsCopyReads copied = PaymentsFile.asCopyReads(rows.getBytes(StandardCharsets.UTF_8), 3);

		assertThat(new String(copied.rows(), StandardCharsets.UTF_8))
			.isEqualTo("A,1,2\r\n,,\r\n,,\r\nB,3,4\r\n\"C\n\n\",5,6\r\n,,");
		assertThat(copied.lineEndingsChangeAt()).isEqualTo(4);
		assertThat(new String(PaymentsFile.asCopyReads("A,1,2\nB,3,4\r\n".getBytes(StandardCharsets.UTF_8), 3).rows(),
				StandardCharsets.UTF_8)).isEqualTo("A,1,2\nB,3,4\n");
	}
}
