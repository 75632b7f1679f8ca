package org.cocommission.platform;

/**
 * An uploaded file that cannot be meant as given: not text in its declared encoding, holding a NUL, empty or with
 * nothing under its header. Answered 422 naming the line and, where it is about bytes, the byte offset; nothing is
 * stored (docs/domain-rules.md#input-every-request-follows).
 */
public class UnreadableFileException extends RuntimeException {

	private final long line;

	private final long byteOffset;

	public UnreadableFileException(long line, long byteOffset, String message) {
		super(message);
		this.line = line;
		this.byteOffset = byteOffset;
	}

	/** The line (1 is the header) the problem is on. */
	public long line() {
		return line;
	}

	/** The offset from the start of the file, in bytes, of the first byte at fault; -1 when not about a byte. */
	public long byteOffset() {
		return byteOffset;
	}
}
