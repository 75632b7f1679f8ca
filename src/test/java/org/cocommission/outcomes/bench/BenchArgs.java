package org.cocommission.outcomes.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A load bench's command line: {@code --name value} pairs, each name one the bench knows, read with a default for
 * each name not given. A bench that is told a name it does not know, a name with no value or a value that is not a
 * number refuses with an {@link IllegalArgumentException} that says which, and prints its usage.
 */
public final class BenchArgs {

	private final Map<String, String> values;

	private BenchArgs(Map<String, String> values) {
		this.values = values;
	}

	/** The pairs of {@code args}, refusing any name not among {@code names}; the last value given for a name wins. */
	public static BenchArgs parse(String[] args, String... names) {
		List<String> known = List.of(names);
		Map<String, String> values = new HashMap<>();
		for (int index = 0; index < args.length; index++) {
			String name = args[index];
			if (index + 1 >= args.length) {
				throw new IllegalArgumentException(name + " needs a value");
			}
			if (!known.contains(name)) {
				throw new IllegalArgumentException("Unknown option " + name);
			}
			values.put(name, args[++index]);
		}
		return new BenchArgs(values);
	}

	/** A whole number, written plainly or with {@code _} or {@code ,} between the thousands. */
	public int whole(String name, int otherwise) {
		String value = values.get(name);
		if (value == null) {
			return otherwise;
		}
		try {
			return Integer.parseInt(value.replace("_", "").replace(",", ""));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(name + " takes a whole number, not '" + value + "'");
		}
	}

	public double decimal(String name, double otherwise) {
		String value = values.get(name);
		if (value == null) {
			return otherwise;
		}
		try {
			return Double.parseDouble(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(name + " takes a number, not '" + value + "'");
		}
	}

	/** A length of time given as a whole number of seconds. */
	public Duration seconds(String name, int otherwise) {
		return Duration.ofSeconds(whole(name, otherwise));
	}

	public Path path(String name, Path otherwise) {
		String value = values.get(name);
		return value == null ? otherwise : Path.of(value);
	}
}
