package org.cocommission.identity;

import java.util.ArrayList;
import java.util.List;

/**
 * One module's say in who may reach its URLs, declared as a bean by the module that owns the paths; the security
 * configuration applies every module's rules, so no module names another's paths. Paths are Spring path patterns.
 * Everything not named here needs a signed-in user, and object-level checks stay in {@link AccessPolicy}. Published
 * pages under {@code /public/**} and {@code /api/v1/public/**} are open to everyone without being declared.
 *
 * @param publicReads paths anyone may read (GET) without signing in
 * @param nationalOnly paths only NHS England's national users may use, whatever the method
 */
public record UrlRules(List<String> publicReads, List<String> nationalOnly) {

	public UrlRules {
		publicReads = List.copyOf(publicReads);
		nationalOnly = List.copyOf(nationalOnly);
	}

	public static UrlRules publicReads(String... paths) {
		return new UrlRules(List.of(paths), List.of());
	}

	public static UrlRules nationalOnly(String... paths) {
		return new UrlRules(List.of(), List.of(paths));
	}

	public UrlRules andNationalOnly(String... paths) {
		return new UrlRules(publicReads, concat(nationalOnly, paths));
	}

	private static List<String> concat(List<String> first, String... more) {
		List<String> all = new ArrayList<>(first);
		all.addAll(List.of(more));
		return all;
	}
}
