package org.cocommission.outcomes;

import java.util.List;

/** A thread with the comments its reader may see, oldest first, and what the reader may do with it. */
public record DiscussionView(Discussion discussion, List<DiscussionComment> comments, boolean canComment,
		boolean canClose) {

	public DiscussionView {
		comments = List.copyOf(comments);
	}
}
