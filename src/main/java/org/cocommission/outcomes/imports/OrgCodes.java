package org.cocommission.outcomes.imports;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Short codes (organisations, indicators, periods) numbered 0, 1, 2... in the order first seen, found by their
 * ASCII bytes or characters without making a String: an open-addressing table, because a national recompute and
 * import look up tens of millions of codes. Each code has one String ({@link #code(int)}), so Strings handed out here
 * are found again by a hash they have cached. Not thread-safe for adding.
 */
public final class OrgCodes {

	private final List<String> codes = new ArrayList<>();

	private final Map<String, Integer> byString = new HashMap<>();

	private byte[][] keys = new byte[1024][];

	private int[] values = new int[1024];

	public int size() {
		return codes.size();
	}

	public String code(int index) {
		return codes.get(index);
	}

	/** The index of a code, added if new. */
	public int index(String code) {
		Integer known = byString.get(code);
		return known != null ? known : add(code.getBytes(StandardCharsets.UTF_8), code);
	}

	/** The index of a code, or -1. */
	public int find(String code) {
		Integer known = byString.get(code);
		return known == null ? -1 : known;
	}

	/** The index of the ASCII code in {@code chars[offset, offset + length)}, added if new. */
	public int index(char[] chars, int offset, int length) {
		int mask = keys.length - 1;
		for (int slot = hash(chars, offset, length) & mask;; slot = (slot + 1) & mask) {
			byte[] key = keys[slot];
			if (key == null) {
				break;
			}
			if (key.length == length && sameCharacters(key, chars, offset)) {
				return values[slot];
			}
		}
		String code = new String(chars, offset, length);
		return add(code.getBytes(StandardCharsets.UTF_8), code);
	}

	private static boolean sameCharacters(byte[] key, char[] chars, int offset) {
		for (int i = 0; i < key.length; i++) {
			if (key[i] != chars[offset + i]) {
				return false;
			}
		}
		return true;
	}

	/** The index of the code in {@code bytes[offset, offset + length)}, or -1. */
	public int find(byte[] bytes, int offset, int length) {
		int mask = keys.length - 1;
		for (int slot = hash(bytes, offset, length) & mask;; slot = (slot + 1) & mask) {
			byte[] key = keys[slot];
			if (key == null) {
				return -1;
			}
			if (key.length == length && Arrays.equals(key, 0, length, bytes, offset, offset + length)) {
				return values[slot];
			}
		}
	}

	/** The index of the code in the bytes, added if new. */
	public int index(byte[] bytes, int offset, int length) {
		int found = find(bytes, offset, length);
		return found >= 0 ? found : add(Arrays.copyOfRange(bytes, offset, offset + length),
				new String(bytes, offset, length, StandardCharsets.UTF_8));
	}

	private int add(byte[] key, String code) {
		if ((codes.size() + 1) * 2 > keys.length) {
			grow();
		}
		int index = codes.size();
		codes.add(code);
		byString.put(code, index);
		put(key, index);
		return index;
	}

	private void put(byte[] key, int index) {
		int mask = keys.length - 1;
		int slot = hash(key, 0, key.length) & mask;
		while (keys[slot] != null) {
			slot = (slot + 1) & mask;
		}
		keys[slot] = key;
		values[slot] = index;
	}

	private void grow() {
		byte[][] oldKeys = keys;
		int[] oldValues = values;
		keys = new byte[oldKeys.length * 2][];
		values = new int[oldKeys.length * 2];
		for (int slot = 0; slot < oldKeys.length; slot++) {
			if (oldKeys[slot] != null) {
				put(oldKeys[slot], oldValues[slot]);
			}
		}
	}

	private static int hash(char[] chars, int offset, int length) {
		int hash = 0;
		for (int i = offset; i < offset + length; i++) {
			hash = 31 * hash + (byte) chars[i];
		}
		return hash ^ (hash >>> 16);
	}

	private static int hash(byte[] bytes, int offset, int length) {
		int hash = 0;
		for (int i = offset; i < offset + length; i++) {
			hash = 31 * hash + bytes[i];
		}
		return hash ^ (hash >>> 16);
	}
}
