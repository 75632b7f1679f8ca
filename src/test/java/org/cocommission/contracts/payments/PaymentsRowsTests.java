package org.cocommission.contracts.payments;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check a payments file passes to be stored as published: only what the view's conversion is certain to read goes
 * straight in; anything else is sent to the slower path that cleans it and names each error.
 */
class PaymentsRowsTests {

	/** Code, name, registered and weighted patients, two amounts (the last the total), and a text column. */
	private static final PaymentsRows.Columns COLUMNS = PaymentsRows.Columns.of(7, 0, 1, Set.of(1), Set.of(2, 3),
			Set.of(4, 5));

	private static PaymentsRows.Walked walk(String rows, ByteArrayOutputStream out) throws IOException {
		return PaymentsRows.write(rows.getBytes(StandardCharsets.UTF_8), COLUMNS, out);
	}

	private static PaymentsRows.Walked walk(String rows) throws IOException {
		return walk(rows, new ByteArrayOutputStream());
	}

	@Test
	void aFileAsPublishedGoesOnUnchangedWithItsPracticesByRow() throws IOException {
		String rows = "A81001,\"Surgery, The\",4597,4685.5,-76009,566511.25,x\r\n"
				+ "a81002 , ONE ,0,0,,0,\r\n";
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		PaymentsRows.Walked walked = walk(rows, out);

		assertThat(walked.asPublished()).isTrue();
		assertThat(walked.practices()).containsExactly(new PaymentsRows.Practice(2, "A81001", "Surgery, The"),
				new PaymentsRows.Practice(3, "A81002", "ONE"));
		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(rows);
	}

	@Test
	void aBlankLineGoesOnAsARowOfEmptyFieldsAndKeepsTheNumbersOfTheRowsAfterIt() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		PaymentsRows.Walked walked = walk("A81001,ONE,1,1,1,1,\n\n \t\nA81002,TWO,1,1,1,1,\n,,,,,,\n", out);

		assertThat(walked.asPublished()).isTrue();
		assertThat(walked.practices()).extracting(PaymentsRows.Practice::row).containsExactly(2, 5);
		assertThat(out.toString(StandardCharsets.UTF_8))
			.isEqualTo("A81001,ONE,1,1,1,1,\n,,,,,,\n,,,,,,\nA81002,TWO,1,1,1,1,\n,,,,,,\n");
	}

	@Test
	void aQuotedLineBreakStaysWithinItsRow() throws IOException {
		PaymentsRows.Walked walked = walk("A81001,\"The\n\"\"Old\"\" Surgery\",1,1,1,1,\nA81002,TWO,1,1,1,1,\n");

		assertThat(walked.practices()).containsExactly(new PaymentsRows.Practice(2, "A81001", "The\n\"Old\" Surgery"),
				new PaymentsRows.Practice(3, "A81002", "TWO"));
	}

	@Test
	void whatTheViewCouldNotReadAsItIsGoesTheSlowerWay() throws IOException {
		assertThat(walk("A81001,ONE,1,1,-,1,\n").notAsPublished()).isEqualTo("row 2: an amount without digits");
		assertThat(walk("A81001,ONE,1,1,£5,1,\n").notAsPublished()).contains("not a plain number");
		assertThat(walk("A81001,ONE,1,1,\"1,234\",1,\n").notAsPublished()).contains("not a plain number");
		assertThat(walk("A81001,ONE,1,1,1e5,1,\n").notAsPublished()).contains("not a plain number");
		assertThat(walk("A81001,ONE,1,1,\"\",1,\n").notAsPublished()).contains("without digits");
		assertThat(walk("A81001,ONE,1,1,12345678901234,1,\n").notAsPublished()).contains("too large");
		assertThat(walk("A81001,ONE,1,-1,1,1,\n").notAsPublished()).contains("negative patients");
		assertThat(walk("A81001,ONE,1,1,1,1\n").notAsPublished()).contains("6 fields where the headings have 7");
		assertThat(walk("A81001,ONE,1,1,1,1,,\n").notAsPublished()).contains("8 fields");
		assertThat(walk(",ONE,1,1,1,1,\n").notAsPublished()).isEqualTo("row 2: no practice code");
		assertThat(walk("-,,,,,,\n").notAsPublished()).isEqualTo("row 2: no practice code");
		assertThat(walk("A8,ONE,1,1,1,1,\n").notAsPublished()).contains("is not a practice code");
		assertThat(walk("A81001,ONE,1,1,1,1,\na81001,TWO,1,1,1,1,\n").notAsPublished())
			.isEqualTo("row 3: practice A81001 appears twice");
		assertThat(walk("A81001," + "é".repeat(201) + ",1,1,1,1,\n").notAsPublished()).contains("longer than 200");
	}

	@Test
	void aNameOfTwoHundredCharactersInMoreBytesIsReadAsItIs() throws IOException {
		assertThat(walk("A81001," + "é".repeat(200) + ",1,1,1,1,\n").asPublished()).isTrue();
	}

	@Test
	void aFileThatFailsIsStillWrittenWhole() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		String rows = "A81001,ONE,1,1,-,1,\nA81002,TWO,1,1,1,1,\n";

		walk(rows, out);

		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(rows);
	}

	private static PaymentsRows.Walked checked(String rows, ByteArrayOutputStream out) throws IOException {
		return PaymentsRows.checked(rows.getBytes(StandardCharsets.UTF_8), COLUMNS, out);
	}

	@Test
	void checkedRowsGoOnAsPublishedForTheCsvReader() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		String rows = "A81001,\"Surgery, The\",4597,4685.5,-76009,566511.25,x\r\n"
				+ "a81002 , ONE ,0,\"0\",,0,\"\"\r\n"
				+ "A81003,\"The\r\n\"\"Old\"\" Surgery\",1,1,1,1,é\r\n";

		PaymentsRows.Walked walked = checked(rows, out);

		assertThat(walked.asPublished()).isTrue();
		assertThat(walked.practices()).extracting(PaymentsRows.Practice::row).containsExactly(2, 3, 4);
		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(rows);
	}

	@Test
	void checkedABlankLineGoesOnAsARowOfEmptyFieldsAndKeepsTheNumbersAfterIt() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		PaymentsRows.Walked walked = checked("A81001,ONE,1,1,1,1,\n\n \t\nA81002,TWO,1,1,1,1,\n,,,,,,", out);

		assertThat(walked.practices()).extracting(PaymentsRows.Practice::row).containsExactly(2, 5);
		assertThat(out.toString(StandardCharsets.UTF_8))
			.isEqualTo("A81001,ONE,1,1,1,1,\n,,,,,,\n,,,,,,\nA81002,TWO,1,1,1,1,\n,,,,,,");
	}

	@Test
	void checkedWhatTheCsvReaderWouldRefuseGoesTheSlowerWay() throws IOException {
		assertThat(checked("A81001,\"ONE,1,1,1,1,\n", new ByteArrayOutputStream()).notAsPublished())
			.isEqualTo("row 2: a quote left open");
		assertThat(checked("A81001,O\rNE,1,1,1,1,\n", new ByteArrayOutputStream()).notAsPublished())
			.isEqualTo("row 2: a carriage return within a line");
		assertThat(checked("A81001,ONE,1,1,-,1,\n", new ByteArrayOutputStream()).notAsPublished())
			.isEqualTo("row 2: an amount without digits");
	}

	/** Line endings of two kinds mean the same rows: each ends as the first, the first that ended otherwise told. */
	@Test
	void checkedLineEndingsOfTwoKindsEndRowsAlike() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		PaymentsRows.Walked walked = checked("A81001,ONE,1,1,1,1,\r\n\nA81002,TWO,1,1,1,1,\nA81003,THREE,1,1,1,1,\r\n",
				out);

		assertThat(walked.asPublished()).isTrue();
		assertThat(walked.lineEndingsChangeAt()).isEqualTo(3);
		assertThat(out.toString(StandardCharsets.UTF_8))
			.isEqualTo("A81001,ONE,1,1,1,1,\r\n,,,,,,\r\nA81002,TWO,1,1,1,1,\r\nA81003,THREE,1,1,1,1,\r\n");
		assertThat(checked("A81001,ONE,1,1,1,1,\nA81002,TWO,1,1,1,1,\n", new ByteArrayOutputStream())
			.lineEndingsChangeAt()).isZero();
	}

	@Test
	void checkedTheWalkStopsAtTheFirstRowThatFailsWithoutWritingIt() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		PaymentsRows.Walked walked = checked("A81001,ONE,1,1,1,1,\nA81002,TWO,1,1,£1,1,\nA81003,THREE,1,1,1,1,\n",
				out);

		assertThat(walked.notAsPublished()).isEqualTo("row 3: an amount that is not a plain number");
		assertThat(walked.practices()).extracting(PaymentsRows.Practice::code).containsExactly("A81001");
		assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("A81002").doesNotContain("A81003");
	}

	@Test
	void aPracticeCodeIsThreeToTenCapitalLettersAndDigits() {
		assertThat(List.of("A81", "A81001", "Y0300012345".substring(0, 10), "123")).allMatch(PaymentsRows::isPracticeCode);
		assertThat(List.of("A8", "A81001X12345", "a81001", "A81 001", "A81-001", "É81001", "")).noneMatch(
				PaymentsRows::isPracticeCode);
	}
}
