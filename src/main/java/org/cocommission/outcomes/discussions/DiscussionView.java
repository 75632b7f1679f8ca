package org.cocommission.outcomes.discussions;

import java.util.List;

import org.cocommission.outcomes.Discussion;

/**
 * A thread with the comments its reader may see, oldest first, and what the reader may do with it: comment, close or
 * reopen, edit the text of these comments (their own), and publish these drafts (their own or their organisation's).
 */
public record DiscussionView(Discussion discussion, List<DiscussionComment> comments, boolean canComment,
		boolean canClose, List<Long> editableCommentIds, List<Long> publishableCommentIds) {

	public DiscussionView {
		comments = List.copyOf(comments);
		editableCommentIds = List.copyOf(editableCommentIds);
		publishableCommentIds = List.copyOf(publishableCommentIds);
	}

	public boolean canEdit(long commentId) {
		return editableCommentIds.contains(commentId);
	}

	public boolean canPublish(long commentId) {
		return publishableCommentIds.contains(commentId);
	}
}
