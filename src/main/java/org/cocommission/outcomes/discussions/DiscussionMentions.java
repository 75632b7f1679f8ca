package org.cocommission.outcomes.discussions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code @username} mentions in a comment. Usernames follow the account rule (lower-case letters, digits, dots, dashes,
 * underscores); an {@code @} inside a word (an e-mail address) is not a mention, and a full stop or dash that ends the
 * sentence is not part of the name.
 */
final class DiscussionMentions {

	private static final Pattern MENTION = Pattern.compile("(?<![\\w@.])@([A-Za-z0-9][A-Za-z0-9._-]*)");

	private DiscussionMentions() {
	}

	/** The usernames mentioned, lower-cased, each once, in the order written. */
	static Set<String> usernames(String text) {
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = MENTION.matcher(text == null ? "" : text);
		while (matcher.find()) {
			names.add(name(matcher));
		}
		return names;
	}

	/** The text cut into plain pieces and mentions; only names in {@code mentioned} (those stored) are highlighted. */
	static List<DiscussionComment.Segment> segments(String text, Set<String> mentioned) {
		List<DiscussionComment.Segment> segments = new ArrayList<>();
		Matcher matcher = MENTION.matcher(text);
		int from = 0;
		while (matcher.find()) {
			String name = name(matcher);
			if (!mentioned.contains(name)) {
				continue;
			}
			int end = matcher.start(1) + trimmedLength(matcher.group(1));
			if (matcher.start() > from) {
				segments.add(new DiscussionComment.Segment(text.substring(from, matcher.start()), null));
			}
			segments.add(new DiscussionComment.Segment(text.substring(matcher.start(), end), name));
			from = end;
		}
		if (from < text.length()) {
			segments.add(new DiscussionComment.Segment(text.substring(from), null));
		}
		return segments;
	}

	private static String name(Matcher matcher) {
		String raw = matcher.group(1);
		return raw.substring(0, trimmedLength(raw)).toLowerCase(Locale.ROOT);
	}

	private static int trimmedLength(String raw) {
		int end = raw.length();
		while (end > 1 && ".-_".indexOf(raw.charAt(end - 1)) >= 0) {
			end--;
		}
		return end;
	}
}
