package org.cocommission.outcomes.discussions;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Finding {@code @username} mentions in a comment's text. */
class DiscussionMentionsTests {

	@Test
	void findsUsernamesButNotEmailAddressesOrTheFullStopAfterAName() {
		assertThat(DiscussionMentions.usernames("Ask @ccg-00k and @Area-Q74. Mail a@b.nhs.uk, or @ccg-00k again"))
			.containsExactly("ccg-00k", "area-q74");
		assertThat(DiscussionMentions.usernames("no mentions here, @ alone")).isEmpty();
	}

	@Test
	void highlightsOnlyTheStoredMentions() {
		var segments = DiscussionMentions.segments("Hi @ccg-00k, @someone-else.", Set.of("ccg-00k"));
		assertThat(segments).containsExactly(new DiscussionComment.Segment("Hi ", null),
				new DiscussionComment.Segment("@ccg-00k", "ccg-00k"),
				new DiscussionComment.Segment(", @someone-else.", null));
	}
}
