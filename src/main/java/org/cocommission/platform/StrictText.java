package org.cocommission.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * An uploaded CSV file read as UTF-8, checked as it is read: the one rule every CSV import follows, for the API
 * ({@code web.CsvUploads} wraps every {@code text/csv} body) and for a file uploaded on a page (each import page reads
 * its file through {@link #utf8}); docs/domain-rules.md#input-every-request-follows. A byte that is not a character of
 * the encoding, or a NUL, throws {@link UnreadableFileException} naming the line and byte offset, as does a file with no
 * text at all. The reader gets UTF-8 whatever the file's encoding.
 */
public final class StrictText extends InputStream {


	private final InputStream raw;

	private final CharsetDecoder decoder;

	/** What the refusal of an undecodable byte tells the sender to do, after "save the file as UTF-8". */
	private final String otherwise;

	private final ByteBuffer in = ByteBuffer.allocate(8192);

	private final CharBuffer chars = CharBuffer.allocate(8192);

	private ByteBuffer out = ByteBuffer.allocate(0);

	/** Bytes of the raw body decoded so far (the offset of in's first byte). */
	private long offset;

	private long line = 1;

	/** Lines that hold anything but blanks and commas. */
	private long linesWithText;

	private boolean lineHasText;

	private boolean ended;

	/** A body sent to the API, which declares its encoding in its content type. */
	public StrictText(InputStream raw, Charset charset) {
		this(raw, charset, "(or declare charset=windows-1252)");
	}

	/**
	 * @param otherwise what else the sender may do with a file that is not text in {@code charset}, after "save the
	 * file as UTF-8", e.g. choose another character set on the form
	 */
	public StrictText(InputStream raw, Charset charset, String otherwise) {
		this.raw = raw;
		this.otherwise = otherwise;
		this.decoder = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		in.flip();
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		int n = read(one, 0, 1);
		return n < 0 ? -1 : one[0] & 0xff;
	}

	@Override
	public int read(byte[] buffer, int from, int length) throws IOException {
		while (!out.hasRemaining()) {
			if (ended) {
				return -1;
			}
			fill();
		}
		int n = Math.min(length, out.remaining());
		out.get(buffer, from, n);
		return n;
	}

	private void fill() throws IOException {
		in.compact();
		int read = raw.read(in.array(), in.position(), in.remaining());
		if (read > 0) {
			in.position(in.position() + read);
		}
		in.flip();
		boolean last = read < 0;
		chars.clear();
		int start = in.position();
		CoderResult result = decoder.decode(in, chars, last);
		if (result.isError()) {
			long at = offset + (in.position() - start);
			check(chars.flip());
			throw new UnreadableFileException(line, at, String.format("Line %d: the byte 0x%02X at byte offset %d"
					+ " is not %s text; save the file as UTF-8%s", line, in.get(in.position()) & 0xff, at,
					decoder.charset().displayName(), otherwise.isEmpty() ? "" : " " + otherwise));
		}
		offset += in.position() - start;
		if (last) {
			decoder.flush(chars);
			ended = true;
		}
		chars.flip();
		check(chars);
		chars.rewind();
		out = StandardCharsets.UTF_8.encode(chars);
		if (ended) {
			if (lineHasText) {
				linesWithText++;
			}
			if (linesWithText == 0) {
				throw new UnreadableFileException(1, -1, "The file is empty");
			}
		}
	}

	/** Counts lines and refuses a NUL, which no text column may hold. */
	private void check(CharBuffer decoded) {
		while (decoded.hasRemaining()) {
			char c = decoded.get();
			if (c == '\0') {
				throw new UnreadableFileException(line, -1,
						"Line " + line + " holds a NUL character, which no field may contain");
			}
			if (c == '\n') {
				if (lineHasText) {
					linesWithText++;
				}
				lineHasText = false;
				line++;
			}
			else if (!Character.isWhitespace(c) && c != ',' && c != '\uFEFF') {
				lineHasText = true;
			}
		}
	}

	/** A file that must be UTF-8 (a page's upload whose form offers no choice of encoding). */
	public static InputStream utf8(InputStream raw) {
		return UploadCharset.UTF_8.decode(raw);
	}

	/** Whether the whole file has been read. */
	public boolean isFinished() {
		return ended && !out.hasRemaining();
	}
}
