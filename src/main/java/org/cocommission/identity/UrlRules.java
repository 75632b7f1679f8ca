package org.cocommission.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One module's say in who may reach its URLs, declared as a bean by the module that owns the paths; the security
 * configuration applies every module's rules, so no module names another's paths. Paths are Spring path patterns.
 * Everything not named here needs a signed-in user, and object-level checks stay in {@link AccessPolicy}. Published
 * pages under {@code /public/**} and {@code /api/v1/public/**} are open to everyone without being declared.
 * <p>
 * Writes are checked before the request's body is read or validated, so that a refusal never depends on (or tells)
 * what the body or the object holds: {@code nationalWrites} are for NHS England alone, and each {@link Owned} path
 * names the organisation its object belongs to, which the user must be able to see.
 *
 * @param publicReads paths anyone may read (GET) without signing in
 * @param nationalOnly paths only NHS England's national users may use, whatever the method
 * @param nationalWrites paths only national users may write to (any method but GET and HEAD)
 * @param owned paths whose object belongs to an organisation, for writes
 * @param writtenBy paths whose organisation is named in the body, not the path: only the roles that may make such a
 * write get as far as the body (whose organisation the service then checks before anything else)
 * @param publicForms paths anyone may post a form to without signing in (pages only, never the API); the form still
 * needs its CSRF token, and the handler decides what the post may do (e.g. a one-time link's token)
 */
public record UrlRules(List<String> publicReads, List<String> nationalOnly, List<String> nationalWrites,
		List<Owned> owned, List<WrittenBy> writtenBy, List<String> publicForms) {

	/**
	 * Writes (any method but GET and HEAD) to paths matching {@code pattern} are for users of {@code roles} only; the
	 * rest are refused before the body is read. For writes that name their organisation in the body, where no path
	 * variable can place them.
	 */
	public record WrittenBy(String pattern, java.util.Set<Role> roles) {

		public WrittenBy {
			roles = java.util.Set.copyOf(roles);
		}

		public static WrittenBy roles(String pattern, Role... roles) {
			return new WrittenBy(pattern, java.util.Set.of(roles));
		}
	}

	public UrlRules(List<String> publicReads, List<String> nationalOnly, List<String> nationalWrites,
			List<Owned> owned) {
		this(publicReads, nationalOnly, nationalWrites, owned, List.of(), List.of());
	}

	/**
	 * Paths matching {@code pattern} act on an object of the organisation that {@code organisation} finds from the
	 * path's variables; empty when there is no such object (the handler then answers 404).
	 */
	public record Owned(String pattern, Function<Map<String, String>, Optional<String>> organisation) {

		/** The pattern's {@code variable} is itself the organisation's code, e.g. {@code /ccgs/{ccg}/**}. */
		public static Owned byCode(String pattern, String variable) {
			return new Owned(pattern, variables -> Optional.ofNullable(variables.get(variable)));
		}

		/** The pattern's numeric {@code variable} is the id of an object whose organisation {@code owner} finds. */
		public static Owned byId(String pattern, String variable, Function<Long, Optional<String>> owner) {
			return new Owned(pattern, variables -> {
				try {
					return owner.apply(Long.parseLong(variables.get(variable)));
				}
				catch (NumberFormatException ex) {
					return Optional.empty();
				}
			});
		}
	}

	public UrlRules {
		publicReads = List.copyOf(publicReads);
		nationalOnly = List.copyOf(nationalOnly);
		nationalWrites = List.copyOf(nationalWrites);
		owned = List.copyOf(owned);
		writtenBy = List.copyOf(writtenBy);
		publicForms = List.copyOf(publicForms);
	}

	public UrlRules(List<String> publicReads, List<String> nationalOnly) {
		this(publicReads, nationalOnly, List.of(), List.of());
	}

	public static UrlRules publicReads(String... paths) {
		return new UrlRules(List.of(paths), List.of());
	}

	public static UrlRules nationalOnly(String... paths) {
		return new UrlRules(List.of(), List.of(paths));
	}

	public static UrlRules nationalWrites(String... paths) {
		return new UrlRules(List.of(), List.of(), List.of(paths), List.of());
	}

	public static UrlRules owned(Owned... paths) {
		return new UrlRules(List.of(), List.of(), List.of(), List.of(paths));
	}

	public UrlRules andNationalOnly(String... paths) {
		return new UrlRules(publicReads, concat(nationalOnly, paths), nationalWrites, owned, writtenBy, publicForms);
	}

	public UrlRules andNationalWrites(String... paths) {
		return new UrlRules(publicReads, nationalOnly, concat(nationalWrites, paths), owned, writtenBy, publicForms);
	}

	public UrlRules andOwned(Owned... paths) {
		List<Owned> all = new ArrayList<>(owned);
		all.addAll(List.of(paths));
		return new UrlRules(publicReads, nationalOnly, nationalWrites, all, writtenBy, publicForms);
	}

	public UrlRules andWrittenBy(WrittenBy... paths) {
		List<WrittenBy> all = new ArrayList<>(writtenBy);
		all.addAll(List.of(paths));
		return new UrlRules(publicReads, nationalOnly, nationalWrites, owned, all, publicForms);
	}

	/** Adds pages anyone may post a form to, CSRF token and all, without signing in. */
	public UrlRules andPublicForms(String... paths) {
		return new UrlRules(publicReads, nationalOnly, nationalWrites, owned, writtenBy, concat(publicForms, paths));
	}

	private static List<String> concat(List<String> first, String... more) {
		List<String> all = new ArrayList<>(first);
		all.addAll(List.of(more));
		return all;
	}
}
