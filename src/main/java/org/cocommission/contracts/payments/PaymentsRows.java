package org.cocommission.contracts.payments;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rows of a year's payments file on their way to {@code COPY}: walked once, as PostgreSQL's {@code COPY (FORMAT
 * csv)} reads them (a quote anywhere opens or closes quoting, a line ends a row outside quoting, an unquoted empty field
 * is nothing), written on with each blank line as a row of empty fields so that every row keeps its number, and checked
 * as they go. A file that passes the check is stored as published, its values converted on reading
 * (docs/domain-rules.md, GP contracts, "How a year is stored"); the check only lets through what that conversion is
 * certain to read, and anything else (a blank amount written as a dash, a pound sign, a code missing or repeated) sends
 * the file to the slower path that cleans it and names each error.
 * <p>
 * The walk writes as it checks, in slices of 64 KiB, so that the database stores one slice while the next is checked.
 * It writes the CSV as it read it, for the database's own CSV reader: each row rewritten only where that reader would
 * refuse what the file means (a blank line, a line ending unlike the first row's). The bytes of the file as
 * published go on as they are, which the database reads faster than the same fields in {@code COPY}'s binary format
 * (docs/benchmarks.md, "Contracts payments import").
 */
public final class PaymentsRows {

	/** What each column holds, for the check: by {@link Columns#of}. */
	static final byte TEXT = 0;

	static final byte NAME = 1;

	static final byte AMOUNT = 2;

	static final byte PATIENTS = 3;

	/** The longest name the view reads (its columns are varchar(200)). */
	static final int NAME_LENGTH = 200;

	/** Digits before the point an amount may have (numeric(16, 2) holds 14; one kept for rounding). */
	private static final int AMOUNT_DIGITS = 13;

	/** Digits before the point a number of patients may have (numeric(12, 2) holds 10; one kept for rounding). */
	private static final int PATIENT_DIGITS = 9;

	/** A published number is short: anything longer goes the slower way. */
	private static final int NUMBER_LENGTH = 40;

	private static final int SLICE = 1 << 16;

	/**
	 * Whether {@code code} (trimmed, in capitals) is a practice code as the files give them: 3 to 10 letters A to Z and
	 * digits. By hand rather than by a pattern: it runs on every row of a national file.
	 */
	static boolean isPracticeCode(String code) {
		int length = code.length();
		if (length < 3 || length > 10) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			char c = code.charAt(i);
			if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
				return false;
			}
		}
		return true;
	}

	private PaymentsRows() {
	}

	/** A practice as the file names it, on its row (the headings being row 1). */
	public record Practice(int row, String code, String name) {
	}

	/**
	 * What the walk found: the practices in the file's order; when the file cannot be stored as published, why (null
	 * when it can); and the first row whose line ends otherwise than the first row's (a carriage return before the line
	 * feed, or not), 0 when every row's ends alike.
	 */
	public record Walked(List<Practice> practices, String notAsPublished, int lineEndingsChangeAt) {

		public boolean asPublished() {
			return notAsPublished == null;
		}
	}

	/**
	 * The columns of one year's layout as the check sees them: each column's kind, and where the practice's code and
	 * name are (-1 when the check has no code to look at, as when the rows are only rewritten).
	 */
	record Columns(byte[] kinds, int code, int name) {

		static Columns of(int width, int code, int name, Set<Integer> names, Set<Integer> patients,
				Set<Integer> amounts) {
			byte[] kinds = new byte[width];
			names.forEach(column -> kinds[column] = NAME);
			amounts.forEach(column -> kinds[column] = AMOUNT);
			patients.forEach(column -> kinds[column] = PATIENTS);
			return new Columns(kinds, code, name);
		}

		/** Only the width: the rows are rewritten, not checked. */
		static Columns unchecked(int width) {
			return new Columns(new byte[width], -1, -1);
		}

		int width() {
			return kinds.length;
		}
	}

	/**
	 * Writes {@code rows} to {@code out} as COPY takes them, each blank line (empty, or only spaces and tabs) as a row of
	 * empty fields, and checks each row against {@code columns}. Once a row fails the check, the rest are only written.
	 */
	static Walked write(byte[] rows, Columns columns, OutputStream out) throws IOException {
		return new Walk(rows, columns, out, false).run();
	}

	/**
	 * Checks {@code rows} against {@code columns} and writes them to {@code out} as {@link #write} does, stopping at
	 * the first row that fails (the rows after it are not written; the caller cancels the COPY). What the CSV reader
	 * would refuse (a quote left open, a carriage return within a line) fails the check too, for the slower way to name
	 * it.
	 */
	static Walked checked(byte[] rows, Columns columns, OutputStream out) throws IOException {
		if (columns.code() < 0) {
			throw new IllegalArgumentException("Only rows with a practice code column are checked");
		}
		return new Walk(rows, columns, out, true).run();
	}

	/** One walk over a file's rows. */
	private static final class Walk {

		private static final byte[] LF = { '\n' };

		private static final byte[] CRLF = { '\r', '\n' };

		private final byte[] rows;

		private final Columns columns;

		private final OutputStream out;

		private final byte[] emptyRow;

		/** Whether the walk stops at the first row that fails, before writing it. */
		private final boolean stopAtFailure;

		/** The file's line ending, from its first line (0 until then): 1 a line feed, 2 a carriage return before it. */
		private int lineEnding;

		/** The first row whose line ends otherwise than the first row's, 0 until one does. */
		private int lineEndingsChangeAt;

		private final List<Practice> practices = new ArrayList<>();

		private final Set<String> codes = new HashSet<>();

		private String notAsPublished;

		/** The first byte not yet written. */
		private int written;

		/** The row being walked, counting from 2 (the headings are row 1). */
		private int row = 1;

		// the row being walked: its fields so far, whether any held something, and its code and name
		private int field;

		private boolean filled;

		private String code;

		private String name;

		Walk(byte[] rows, Columns columns, OutputStream out, boolean stopAtFailure) {
			this.rows = rows;
			this.columns = columns;
			this.out = out;
			this.emptyRow = ",".repeat(Math.max(columns.width() - 1, 0)).getBytes(StandardCharsets.US_ASCII);
			this.stopAtFailure = stopAtFailure;
		}

		Walked run() throws IOException {
			int length = rows.length;
			int position = 0;
			while (position < length) {
				int next = walkRow(position);
				if (stopAtFailure && notAsPublished != null) {
					return new Walked(practices, notAsPublished, lineEndingsChangeAt);
				}
				position = next;
				if (position - written >= SLICE) {
					out.write(rows, written, position - written);
					written = position;
				}
			}
			out.write(rows, written, length - written);
			return new Walked(practices, notAsPublished, lineEndingsChangeAt);
		}

		/** Walks the row starting at {@code start}; returns where the next one starts. */
		private int walkRow(int start) throws IOException {
			row++;
			field = 0;
			filled = false;
			code = null;
			name = null;
			int length = rows.length;
			int i = start;
			// a blank line: only spaces, tabs and a carriage return before its line feed
			while (i < length && (rows[i] == ' ' || rows[i] == '\t' || rows[i] == '\r')) {
				i++;
			}
			if (i == length || rows[i] == '\n') {
				// COPY would read a blank line as one field and refuse the file: it goes on as a row of empty fields
				boolean lineBreak = i < length;
				int end = lineBreak && i > start && rows[i - 1] == '\r' ? i - 1 : i;
				boolean asFirst = !lineBreak || lineEnding(end < i);
				out.write(rows, written, start - written);
				out.write(emptyRow, 0, emptyRow.length);
				if (asFirst) {
					out.write(rows, end, (lineBreak ? i + 1 : i) - end);
				}
				else {
					out.write(firstLineEnding());
				}
				written = lineBreak ? i + 1 : i;
				return written;
			}
			int fieldStart = start;
			boolean fieldQuoted = false;
			for (i = start; i < length; i++) {
				byte b = rows[i];
				if (b == ',') {
					endField(fieldStart, i, fieldQuoted);
					fieldStart = i + 1;
					fieldQuoted = false;
				}
				else if (b == '\n') {
					break;
				}
				else if (b == '"') {
					// quoting runs to the next quote; two quotes within quoting close it and open it again
					fieldQuoted = true;
					i++;
					while (i < length && rows[i] != '"') {
						i++;
					}
					if (i == length) {
						fail("a quote left open");
					}
				}
				else if (b == '\r' && columns.code() >= 0 && (i + 1 == length || rows[i + 1] != '\n')) {
					fail("a carriage return within a line");
				}
			}
			boolean lineBreak = i < length;
			int end = lineBreak && i > start && rows[i - 1] == '\r' ? i - 1 : Math.min(i, length);
			if (lineBreak && !lineEnding(end < i)) {
				// PostgreSQL's CSV reader refuses a line ending unlike the first line's: the line ends as the first
				out.write(rows, written, end - written);
				out.write(firstLineEnding());
				written = i + 1;
			}
			endField(fieldStart, end, fieldQuoted);
			endRow();
			return lineBreak ? i + 1 : length;
		}

		/**
		 * Notes a row's line ending; false when it is not the first row's. PostgreSQL's CSV reader takes the file's line
		 * ending from its first line and refuses any other after it, yet a file whose lines end in two ways (as when
		 * rows were added in another editor) means the same rows, so each row is written ending as the first.
		 */
		private boolean lineEnding(boolean carriageReturn) {
			int ending = carriageReturn ? 2 : 1;
			if (lineEnding == 0) {
				lineEnding = ending;
			}
			else if (lineEnding != ending) {
				if (lineEndingsChangeAt == 0) {
					lineEndingsChangeAt = row;
				}
				return false;
			}
			return true;
		}

		private byte[] firstLineEnding() {
			return lineEnding == 2 ? CRLF : LF;
		}

		private void endField(int start, int end, boolean quoted) {
			int column = field++;
			if (notAsPublished != null || column >= columns.width()) {
				return;
			}
			boolean nothing = !quoted && start == end;
			filled |= !nothing;
			if (nothing) {
				return;
			}
			if (column == columns.code()) {
				code = nullIfBlank(text(start, end, quoted));
				if (code != null) {
					code = code.toUpperCase(Locale.ROOT);
				}
				return;
			}
			if (column == columns.name()) {
				name = nullIfBlank(text(start, end, quoted));
			}
			switch (columns.kinds()[column]) {
				case NAME -> {
					// a name of up to 200 bytes has at most 200 characters
					if (end - start > NAME_LENGTH) {
						String text = text(start, end, quoted);
						if (text.codePointCount(0, text.length()) > NAME_LENGTH) {
							fail("a name longer than " + NAME_LENGTH + " characters");
						}
					}
				}
				case AMOUNT -> number(start, end, quoted, AMOUNT_DIGITS, true);
				case PATIENTS -> number(start, end, quoted, PATIENT_DIGITS, false);
				default -> {
				}
			}
		}

		private void endRow() {
			if (notAsPublished != null || columns.code() < 0) {
				return;
			}
			if (field != columns.width()) {
				fail(field + " fields where the headings have " + columns.width());
			}
			else if (code == null) {
				if (filled) {
					fail("no practice code");
				}
			}
			else if (!isPracticeCode(code)) {
				fail("'" + code + "' is not a practice code");
			}
			else if (!codes.add(code)) {
				fail("practice " + code + " appears twice");
			}
			else {
				practices.add(new Practice(row, code, name));
			}
		}

		/**
		 * A number the view's cast reads as it is: spaces, an optional sign, digits with an optional point, spaces;
		 * quoted as a whole or not at all; a number of patients never negative.
		 */
		private void number(int start, int end, boolean quoted, int digits, boolean signed) {
			int from = start;
			int to = end;
			if (quoted) {
				if (to - from < 2 || rows[from] != '"' || rows[to - 1] != '"') {
					fail("a number quoted in part");
					return;
				}
				from++;
				to--;
			}
			if (to - from > NUMBER_LENGTH) {
				fail("a number too long");
				return;
			}
			while (from < to && rows[from] == ' ') {
				from++;
			}
			while (to > from && rows[to - 1] == ' ') {
				to--;
			}
			if (from < to && (rows[from] == '-' || rows[from] == '+')) {
				if (rows[from] == '-' && !signed) {
					fail("negative patients");
					return;
				}
				from++;
			}
			int whole = 0;
			int significant = 0;
			int fraction = -1;
			for (int i = from; i < to; i++) {
				byte b = rows[i];
				if (b >= '0' && b <= '9') {
					if (fraction >= 0) {
						fraction++;
					}
					else {
						whole++;
						if (significant > 0 || b != '0') {
							significant++;
						}
					}
				}
				else if (b == '.' && fraction < 0) {
					fraction = 0;
				}
				else {
					fail("an amount that is not a plain number");
					return;
				}
			}
			if (whole + Math.max(fraction, 0) == 0) {
				fail("an amount without digits");
			}
			else if (significant > digits) {
				fail("an amount too large");
			}
		}

		/** A field's text as COPY reads it: quotes removed, two quotes within quoting as one. */
		private String text(int start, int end, boolean quoted) {
			if (!quoted) {
				return new String(rows, start, end - start, StandardCharsets.UTF_8);
			}
			return unquoted(rows, start, end);
		}

		/** Trimmed of spaces (as PostgreSQL's trim); blank and "-" are nothing. */
		private static String nullIfBlank(String text) {
			int from = 0;
			int to = text.length();
			while (from < to && text.charAt(from) == ' ') {
				from++;
			}
			while (to > from && text.charAt(to - 1) == ' ') {
				to--;
			}
			String trimmed = text.substring(from, to);
			return trimmed.isEmpty() || trimmed.equals("-") ? null : trimmed;
		}

		private void fail(String why) {
			if (notAsPublished == null) {
				notAsPublished = "row " + row + ": " + why;
			}
		}
	}

	/**
	 * The quoted field of {@code from} between {@code start} and {@code end} as COPY reads it: quotes removed, two
	 * quotes within quoting as one.
	 */
	private static String unquoted(byte[] from, int start, int end) {
		byte[] text = new byte[end - start];
		int length = 0;
		boolean within = false;
		for (int i = start; i < end; i++) {
			if (from[i] == '"') {
				if (within && i + 1 < end && from[i + 1] == '"') {
					text[length++] = '"';
					i++;
				}
				else {
					within = !within;
				}
			}
			else {
				text[length++] = from[i];
			}
		}
		return new String(text, 0, length, StandardCharsets.UTF_8);
	}
}
