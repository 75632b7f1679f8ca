package org.cocommission.contracts.payments;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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

	/** The rows {@link PaymentsRows#copy} wrote, read back from COPY's binary format: each field's text, or null. */
	private static List<List<String>> copied(byte[] binary) throws IOException {
		DataInputStream in = new DataInputStream(new ByteArrayInputStream(binary));
		byte[] signature = in.readNBytes(11);
		assertThat(signature).isEqualTo(new byte[] { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0 });
		assertThat(in.readInt()).as("flags").isZero();
		assertThat(in.readInt()).as("header extension").isZero();
		List<List<String>> rows = new ArrayList<>();
		for (short fields = in.readShort(); fields != -1; fields = in.readShort()) {
			List<String> row = new ArrayList<>();
			for (int field = 0; field < fields; field++) {
				int length = in.readInt();
				row.add(length < 0 ? null : new String(in.readNBytes(length), StandardCharsets.UTF_8));
			}
			rows.add(row);
		}
		assertThat(in.read()).as("nothing after the trailer").isEqualTo(-1);
		return rows;
	}

	private static PaymentsRows.Walked copy(String rows, ByteArrayOutputStream out) throws IOException {
		return PaymentsRows.copy(rows.getBytes(StandardCharsets.UTF_8), COLUMNS, out);
	}

	@Test
	void copiedInTheBinaryFormatEachFieldIsWhatTheCsvReaderReads() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		PaymentsRows.Walked walked = copy("A81001,\"Surgery, The\",4597,4685.5,-76009,566511.25,x\r\n"
				+ "a81002 , ONE ,0,\"0\",,0,\"\"\r\n"
				+ "A81003,\"The\r\n\"\"Old\"\" Surgery\",1,1,1,1,é\r\n", out);

		assertThat(walked.asPublished()).isTrue();
		assertThat(walked.practices()).extracting(PaymentsRows.Practice::row).containsExactly(2, 3, 4);
		assertThat(copied(out.toByteArray())).containsExactly(
				List.of("A81001", "Surgery, The", "4597", "4685.5", "-76009", "566511.25", "x"),
				Arrays.asList("a81002 ", " ONE ", "0", "0", null, "0", ""),
				List.of("A81003", "The\r\n\"Old\" Surgery", "1", "1", "1", "1", "é"));
	}

	@Test
	void copiedInTheBinaryFormatABlankLineIsARowOfNullsAndKeepsTheNumbersAfterIt() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		PaymentsRows.Walked walked = copy("A81001,ONE,1,1,1,1,\n\n \t\nA81002,TWO,1,1,1,1,\n,,,,,,", out);

		assertThat(walked.practices()).extracting(PaymentsRows.Practice::row).containsExactly(2, 5);
		List<String> nulls = Arrays.asList(new String[7]);
		assertThat(copied(out.toByteArray())).containsExactly(Arrays.asList("A81001", "ONE", "1", "1", "1", "1", null),
				nulls, nulls, Arrays.asList("A81002", "TWO", "1", "1", "1", "1", null), nulls);
	}

	@Test
	void copiedInTheBinaryFormatWhatTheCsvReaderWouldRefuseGoesTheSlowerWay() throws IOException {
		assertThat(copy("A81001,\"ONE,1,1,1,1,\n", new ByteArrayOutputStream()).notAsPublished())
			.isEqualTo("row 2: a quote left open");
		assertThat(copy("A81001,O\rNE,1,1,1,1,\n", new ByteArrayOutputStream()).notAsPublished())
			.isEqualTo("row 2: a carriage return within a line");
		assertThat(copy("A81001,ONE,1,1,-,1,\n", new ByteArrayOutputStream()).notAsPublished())
			.isEqualTo("row 2: an amount without digits");
	}

	/** Line endings of two kinds mean the same rows: copied as they are, the first row that ends otherwise told. */
	@Test
	void copiedInTheBinaryFormatLineEndingsOfTwoKindsEndRowsAlike() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		PaymentsRows.Walked walked = copy("A81001,ONE,1,1,1,1,\r\n\nA81002,TWO,1,1,1,1,\nA81003,THREE,1,1,1,1,\r\n", out);

		assertThat(walked.asPublished()).isTrue();
		assertThat(walked.lineEndingsChangeAt()).isEqualTo(3);
		assertThat(copied(out.toByteArray())).extracting(row -> row.get(1))
			.containsExactly("ONE", null, "TWO", "THREE");
		assertThat(copy("A81001,ONE,1,1,1,1,\nA81002,TWO,1,1,1,1,\n", new ByteArrayOutputStream()).lineEndingsChangeAt())
			.isZero();
	}

	@Test
	void copiedInTheBinaryFormatTheWalkStopsAtTheFirstRowThatFails() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		PaymentsRows.Walked walked = copy("A81001,ONE,1,1,1,1,\nA81002,TWO,1,1,£1,1,\nA81003,THREE,1,1,1,1,\n", out);

		assertThat(walked.notAsPublished()).isEqualTo("row 3: an amount that is not a plain number");
		assertThat(walked.practices()).extracting(PaymentsRows.Practice::code).containsExactly("A81001");
	}
}
