package org.cocommission.outcomes.compute;

import java.sql.SQLException;

import org.postgresql.copy.CopyOut;

/**
 * Reads PostgreSQL's binary COPY output field by field, straight from the driver's buffers: numbers arrive as bits,
 * not text to parse, and codes as bytes looked up without making Strings. Fields are read in the order selected.
 */
public final class BinaryCopyReader {

	private final CopyOut copy;

	private byte[] buffer = new byte[0];

	private int position;

	public BinaryCopyReader(CopyOut copy) throws SQLException {
		this.copy = copy;
		require(19);
		position += 11 + 4;
		int extension = readInt();
		require(extension);
		position += extension;
	}

	/** Moves to the next row; false at the end of the data. */
	public boolean next() throws SQLException {
		require(2);
		short fields = (short) (((buffer[position] & 0xff) << 8) | (buffer[position + 1] & 0xff));
		position += 2;
		return fields >= 0;
	}

	/** The length of the next field (-1 for null), leaving its bytes at {@link #buffer()}[{@link #position()}]. */
	public int field() throws SQLException {
		require(4);
		int length = readInt();
		if (length > 0) {
			require(length);
		}
		return length;
	}

	public byte[] buffer() {
		return buffer;
	}

	public int position() {
		return position;
	}

	public void skip(int length) {
		position += Math.max(0, length);
	}

	double readDouble() throws SQLException {
		return Double.longBitsToDouble(eightBytes("a double"));
	}

	/** A text field, as a String. */
	public String readText() throws SQLException {
		int length = field();
		String text = new String(buffer, position, length, java.nio.charset.StandardCharsets.UTF_8);
		position += length;
		return text;
	}

	public long readLong() throws SQLException {
		return eightBytes("a bigint");
	}

	private long eightBytes(String expected) throws SQLException {
		int length = field();
		if (length != 8) {
			throw new IllegalStateException("Expected " + expected + ", not " + length + " bytes");
		}
		long bits = 0;
		for (int i = 0; i < 8; i++) {
			bits = (bits << 8) | (buffer[position + i] & 0xff);
		}
		position += 8;
		return bits;
	}

	/**
	 * The element count of the one-dimensional array whose field {@link #field()} has just begun, moving to its first
	 * element; each element is then read as a field of its own.
	 */
	public int arrayLength() {
		int dimensions = readInt();
		position += 8;
		if (dimensions == 0) {
			return 0;
		}
		int count = readInt();
		position += 4;
		return count;
	}

	/** The next field, an array of {@code count} doubles. */
	public double[] readDoubles(int count) throws SQLException {
		field();
		if (arrayLength() != count) {
			throw new IllegalStateException("Expected an array of " + count + " numbers");
		}
		double[] values = new double[count];
		for (int i = 0; i < count; i++) {
			values[i] = readDouble();
		}
		return values;
	}

	/** The next {@code count} array elements of an array already begun ({@link #arrayLength()}), as longs. */
	public long[] readLongs(int count) throws SQLException {
		long[] values = new long[count];
		for (int i = 0; i < count; i++) {
			values[i] = readLong();
		}
		return values;
	}

	private int readInt() {
		int value = ((buffer[position] & 0xff) << 24) | ((buffer[position + 1] & 0xff) << 16)
				| ((buffer[position + 2] & 0xff) << 8) | (buffer[position + 3] & 0xff);
		position += 4;
		return value;
	}

	/** Makes sure {@code count} bytes are buffered from the current position, across the driver's messages. */
	private void require(int count) throws SQLException {
		while (buffer.length - position < count) {
			byte[] more = copy.readFromCopy();
			if (more == null) {
				throw new IllegalStateException("The COPY data ended in the middle of a row");
			}
			int left = buffer.length - position;
			if (left == 0) {
				buffer = more;
			}
			else {
				byte[] joined = new byte[left + more.length];
				System.arraycopy(buffer, position, joined, 0, left);
				System.arraycopy(more, 0, joined, left, more.length);
				buffer = joined;
			}
			position = 0;
		}
	}
}
