package org.cocommission.governance.people;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A body named in free text, compared by what it names rather than how it is spelled: case, punctuation, "Limited" or
 * "Ltd", a leading "The" and "&" for "and" make no difference; a name that shares every distinctive word with
 * another (and is not plainly another kind of body: a trust, not a federation), or differs from it by a slip of two
 * letters, is a near match for the chair to confirm or dismiss. Rule:
 * docs/domain-rules.md, "Conflicts at meetings".
 */
public final class BodyNames {

	/** Words every provider name may carry: sharing only these does not make two bodies alike. */
	private static final Set<String> GENERIC = Set.of("and", "of", "the", "gp", "gps", "federation", "practice",
			"practices", "surgery", "medical", "centre", "center", "health", "healthcare", "care", "nhs", "services",
			"service", "group", "partnership", "partners", "primary", "community", "trust", "foundation", "company",
			"co", "cic", "llp", "plc", "uk", "alliance", "network", "limited", "ltd");

	/**
	 * Words that say what kind of body a name is, by family: two names of different kinds ("Fletcher Hospitals NHS
	 * Foundation Trust", "Fletcher GP Federation") are different bodies however alike the rest.
	 */
	private static final Map<String, String> KINDS = Map.ofEntries(Map.entry("practice", "practice"),
			Map.entry("practices", "practice"), Map.entry("surgery", "practice"), Map.entry("centre", "practice"),
			Map.entry("center", "practice"), Map.entry("medical", "practice"), Map.entry("federation", "federation"),
			Map.entry("alliance", "federation"), Map.entry("network", "federation"), Map.entry("group", "federation"),
			Map.entry("partnership", "federation"), Map.entry("trust", "trust"), Map.entry("hospital", "trust"),
			Map.entry("hospitals", "trust"), Map.entry("foundation", "trust"), Map.entry("council", "council"),
			Map.entry("authority", "council"), Map.entry("university", "university"), Map.entry("charity", "charity"));

	private BodyNames() {
	}

	/** The name as compared: lower case, "&" as "and", no punctuation, no leading "the", no trailing company suffix. */
	public static String normalise(String name) {
		if (name == null) {
			return "";
		}
		String text = name.toLowerCase(Locale.ROOT)
			.replace("&", " and ")
			// "G.P." is "GP" and "St Mary's" is "St Marys": stops and apostrophes join, other punctuation separates.
			.replaceAll("(?<=\\p{L})\\.(?=\\p{L}|\\s|$)", "")
			.replaceAll("['’]", "")
			.replaceAll("[^\\p{L}\\p{N}]+", " ")
			.trim();
		text = text.replaceAll("^the ", "");
		text = text.replaceAll("( (limited|ltd|plc|llp|cic|co))+$", "");
		return text.replaceAll(" +", " ").trim();
	}

	public static boolean same(String one, String other) {
		String a = normalise(one);
		return !a.isEmpty() && a.equals(normalise(other));
	}

	/** Not the same, but close enough that the chair should say whether they are: see the class comment. */
	public static boolean near(String one, String other) {
		String a = normalise(one);
		String b = normalise(other);
		if (a.isEmpty() || b.isEmpty() || a.equals(b)) {
			return false;
		}
		if (Math.min(a.length(), b.length()) >= 8 && distance(a, b) <= 2) {
			return true;
		}
		Set<String> kindsOfA = kinds(a);
		Set<String> kindsOfB = kinds(b);
		if (!kindsOfA.isEmpty() && !kindsOfB.isEmpty() && kindsOfA.stream().noneMatch(kindsOfB::contains)) {
			return false;
		}
		Set<String> first = distinctive(a);
		Set<String> second = distinctive(b);
		if (first.isEmpty() || second.isEmpty()) {
			return false;
		}
		return second.containsAll(first) || first.containsAll(second);
	}

	private static Set<String> kinds(String normalised) {
		return Arrays.stream(normalised.split(" ")).map(KINDS::get).filter(kind -> kind != null).collect(Collectors.toSet());
	}

	private static Set<String> distinctive(String normalised) {
		return Arrays.stream(normalised.split(" "))
			.filter(word -> word.length() > 1 && !GENERIC.contains(word))
			.collect(Collectors.toSet());
	}

	/** Levenshtein distance. */
	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}
}
