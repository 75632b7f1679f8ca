package org.cocommission.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.cocommission.platform.UnreadableFileException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one rule every CSV upload follows, whichever importer reads it (docs/domain-rules.md#input-every-request-follows):
 * the body is decoded strictly as UTF-8, or as Windows-1252 when the content type declares
 * {@code charset=windows-1252}; any other declared charset is a 415. A byte that is not a character of the encoding,
 * or a NUL, stops the import with a 422 naming the line and byte offset, as does an empty file. (ODS files have no
 * header, so a file with a header and no rows is for each importer to refuse.)
 * The importer reads UTF-8 either way; nothing is stored, as the importer's transaction ends with the refusal.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class CsvUploads extends OncePerRequestFilter {

	static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		return type == null || !type.toLowerCase(Locale.ROOT).startsWith("text/csv");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Charset charset;
		try {
			Charset declared = MediaType.parseMediaType(request.getContentType()).getCharset();
			charset = declared == null ? StandardCharsets.UTF_8 : declared;
		}
		catch (RuntimeException ex) {
			charset = null;
		}
		if (charset == null || !(charset.equals(StandardCharsets.UTF_8) || charset.equals(WINDOWS_1252))) {
			response.sendError(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
					"A CSV file is read as UTF-8, or as Windows-1252 when declared with charset=windows-1252");
			return;
		}
		Charset encoding = charset;
		chain.doFilter(new HttpServletRequestWrapper(request) {

			private ServletInputStream body;

			@Override
			public ServletInputStream getInputStream() throws IOException {
				if (body == null) {
					body = new StrictText(super.getInputStream(), encoding);
				}
				return body;
			}

			@Override
			public String getCharacterEncoding() {
				return StandardCharsets.UTF_8.name();
			}
		}, response);
	}

	/** The body as UTF-8, checked as it is read. */
	static final class StrictText extends ServletInputStream {

		private final InputStream raw;

		private final CharsetDecoder decoder;

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

		StrictText(InputStream raw, Charset charset) {
			this.raw = raw;
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
						+ " is not %s text; save the file as UTF-8 (or declare charset=windows-1252)", line,
						in.get(in.position()) & 0xff, at, decoder.charset().displayName()));
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

		@Override
		public boolean isFinished() {
			return ended && !out.hasRemaining();
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setReadListener(ReadListener listener) {
			throw new UnsupportedOperationException("CSV uploads are read blocking");
		}
	}
}
