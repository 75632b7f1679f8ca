package org.cocommission.outcomes.discussions;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A comment as its reader may see it: published to the thread's audience, or kept to the author's organisation and
 * those above it (a draft). {@code mentions} are the users it named (each told once: at once, or for someone who cannot
 * see a draft, when it is published); {@code chart} is the chart it refers to as it was when posted, or null;
 * {@code editedAt} when its author last edited its text, {@code publishedAt} when a draft was published, and
 * {@code version} guards both against a stale page.
 */
public record DiscussionComment(long id, String author, String authorName, String authorOrg, String text,
		boolean published, Instant postedAt, List<String> mentions, DiscussionSnapshot chart, Instant editedAt,
		Instant publishedAt, int version) {

	public DiscussionComment {
		mentions = List.copyOf(mentions);
	}

	public boolean edited() {
		return editedAt != null;
	}

	/** A piece of the text: plain, or a mention of {@code username} to highlight. */
	public record Segment(String text, String username) {

		public boolean mention() {
			return username != null;
		}
	}

	/** The text cut into plain pieces and highlighted mentions, for the page. */
	public List<Segment> segments() {
		return DiscussionMentions.segments(text, Set.copyOf(mentions));
	}
}
