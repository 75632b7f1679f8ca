package org.cocommission.outcomes.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;


/**
 * One bench client's keep-alive HTTP/1.1 connection to the application, with its cookies. The clients share the
 * machine with the server they measure: java.net.http's client took a quarter of the CPU the server used (a selector
 * thread, futures and a cookie store per request), so each client here is a blocking socket that writes a request and
 * reads the response, by its length or in chunks, and nothing else.
 */
public final class BenchConnection implements Closeable {

	private static final int TIMEOUT_MILLIS = 30_000;

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	/** A response: its status, its Location header (or null) and its body. */
	public record Response(int status, String location, byte[] body) {

		public String text() {
			return new String(body, StandardCharsets.UTF_8);
		}
	}

	private final String host;

	private final int port;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	public BenchConnection(String host, int port) {
		this.host = host;
		this.port = port;
	}

	/** A connection with its own cookies, signed in through the form login with the page's CSRF token. */
	public static BenchConnection signedIn(String host, int port, String username, String password) throws IOException {
		BenchConnection http = new BenchConnection(host, port);
		Matcher csrf = CSRF.matcher(http.get("/login").text());
		if (!csrf.find()) {
			throw new IllegalStateException("The sign-in page has no CSRF token");
		}
		Response response = http.postForm("/login", "username=" + encode(username) + "&password=" + encode(password)
				+ "&_csrf=" + encode(csrf.group(1)));
		String location = response.location() == null ? "" : response.location();
		if (response.status() != 302 || location.contains("error")) {
			throw new IllegalStateException("Could not sign in as " + username + ": " + response.status() + " " + location);
		}
		return http;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	public Response get(String path) throws IOException {
		return send("GET " + path + " HTTP/1.1\r\n" + headers(), null);
	}

	/** A GET with one more header line, e.g. {@code Authorization: Basic ...}, without its CRLF. */
	public Response get(String path, String header) throws IOException {
		return send("GET " + path + " HTTP/1.1\r\n" + headers() + header + "\r\n", null);
	}

	/** A POST of a JSON body with one more header line (without its CRLF). */
	public Response postJson(String path, String header, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		return send("POST " + path + " HTTP/1.1\r\n" + headers() + header + "\r\nContent-Type: application/json\r\n"
				+ "Content-Length: " + body.length + "\r\n", body);
	}

	public Response postForm(String path, String form) throws IOException {
		byte[] body = form.getBytes(StandardCharsets.UTF_8);
		return send("POST " + path + " HTTP/1.1\r\n" + headers() + "Content-Type: application/x-www-form-urlencoded\r\n"
				+ "Content-Length: " + body.length + "\r\n", body);
	}

	private String headers() {
		String cookie = cookies.isEmpty() ? ""
				: "Cookie: " + cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
					.collect(Collectors.joining("; ")) + "\r\n";
		return "Host: " + host + ":" + port + "\r\n" + cookie;
	}

	private Response send(String head, byte[] body) throws IOException {
		if (socket == null) {
			connect();
		}
		out.write((head + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
		if (body != null) {
			out.write(body);
		}
		out.flush();
		return read();
	}

	private void connect() throws IOException {
		socket = new Socket();
		socket.setTcpNoDelay(true);
		socket.setSoTimeout(TIMEOUT_MILLIS);
		socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
		in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
		out = socket.getOutputStream();
	}

	private Response read() throws IOException {
		String statusLine = line();
		int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
		long length = -1;
		boolean chunked = false;
		boolean close = false;
		String location = null;
		for (String header = line(); !header.isEmpty(); header = line()) {
			int colon = header.indexOf(':');
			String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
			String value = header.substring(colon + 1).trim();
			switch (name) {
				case "content-length" -> length = Long.parseLong(value);
				case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
				case "connection" -> close = value.equalsIgnoreCase("close");
				case "location" -> location = value;
				case "set-cookie" -> keepCookie(value);
				default -> {
				}
			}
		}
		ByteArrayOutputStream content = new ByteArrayOutputStream(chunked ? 64 * 1024 : (int) Math.max(0, length));
		if (chunked) {
			for (long size = chunkSize(); size > 0; size = chunkSize()) {
				copy(size, content);
				line();
			}
			String trailer;
			do {
				trailer = line();
			}
			while (!trailer.isEmpty());
		}
		else if (length > 0) {
			copy(length, content);
		}
		if (close) {
			close();
		}
		return new Response(status, location, content.toByteArray());
	}

	private void keepCookie(String setCookie) {
		String pair = setCookie.split(";", 2)[0];
		int equals = pair.indexOf('=');
		if (equals > 0) {
			cookies.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
		}
	}

	private long chunkSize() throws IOException {
		String line = line();
		int extension = line.indexOf(';');
		return Long.parseLong((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
	}

	private void copy(long count, ByteArrayOutputStream content) throws IOException {
		byte[] buffer = new byte[8192];
		long left = count;
		while (left > 0) {
			int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
			if (read < 0) {
				throw new EOFException("The server closed the connection mid-response");
			}
			content.write(buffer, 0, read);
			left -= read;
		}
	}

	/** A header line without its CRLF. */
	private String line() throws IOException {
		StringBuilder line = new StringBuilder(64);
		for (int b = in.read(); b != '\n'; b = in.read()) {
			if (b < 0) {
				throw new EOFException("The server closed the connection");
			}
			if (b != '\r') {
				line.append((char) b);
			}
		}
		return line.toString();
	}

	@Override
	public void close() throws IOException {
		if (socket != null) {
			socket.close();
			socket = null;
		}
	}
}
