package org.cocommission.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.cocommission.platform.StrictText;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;


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
					body = new StrictBody(super.getInputStream(), encoding);
				}
				return body;
			}

			@Override
			public String getCharacterEncoding() {
				return StandardCharsets.UTF_8.name();
			}
		}, response);
	}

	/** The body as UTF-8, checked as it is read ({@link StrictText}), as the servlet API wants it. */
	static final class StrictBody extends ServletInputStream {

		private final StrictText text;

		StrictBody(InputStream raw, Charset charset) {
			this.text = new StrictText(raw, charset);
		}

		@Override
		public int read() throws IOException {
			return text.read();
		}

		@Override
		public int read(byte[] buffer, int from, int length) throws IOException {
			return text.read(buffer, from, length);
		}

		@Override
		public boolean isFinished() {
			return text.isFinished();
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
