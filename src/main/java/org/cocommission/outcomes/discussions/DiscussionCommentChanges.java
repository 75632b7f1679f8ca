package org.cocommission.outcomes.discussions;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.AuditTrail;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.CurrentUser;
import org.cocommission.identity.UserView;
import org.cocommission.outcomes.Discussion;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing a comment after it was posted, in an open thread: its author edits its text (marked edited with the time;
 * the previous text kept in the audit trail; people newly mentioned are told once), and its author or a user of its
 * organisation publishes a draft to the whole discussion, which is when the people it mentions who could not see the
 * draft are told. Both check the comment's version (409 when it changed since it was read).
 */
@Service
class DiscussionCommentChanges {

	private final DiscussionStore store;

	private final DiscussionAudience audience;

	private final DiscussionMentionNotices mentions;

	private final Discussions discussions;

	private final AccessPolicy access;

	private final AuditTrail audit;

	private final Clock clock;

	DiscussionCommentChanges(DiscussionStore store, DiscussionAudience audience, DiscussionMentionNotices mentions,
			Discussions discussions, AccessPolicy access, AuditTrail audit, Clock clock) {
		this.store = store;
		this.audience = audience;
		this.mentions = mentions;
		this.discussions = discussions;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/** Only the author edits a comment. */
	static boolean mayEdit(CurrentUser user, DiscussionComment comment) {
		return comment.author().equals(user.username());
	}

	/** A draft is published by its author or by a user of the organisation it was written in. */
	static boolean mayPublish(CurrentUser user, DiscussionComment comment) {
		return !comment.published() && (comment.author().equals(user.username())
				|| (comment.authorOrg() != null && comment.authorOrg().equals(user.organisationCode())));
	}

	/** The signed-in user's own comment, for the edit form; 404 when there is none, 403 when it is not theirs. */
	@Transactional(readOnly = true)
	public DiscussionComment forEditing(long discussionId, long commentId) {
		CurrentUser user = access.requireUser();
		DiscussionComment comment = readable(user, discussions.visible(user, discussionId), commentId).comment();
		if (!mayEdit(user, comment)) {
			throw new AccessDeniedException("Only the author of a comment can edit it");
		}
		return comment;
	}

	/**
	 * The author replaces the comment's text, if the comment is still at {@code version}; nothing is saved when the
	 * text or a mention is wrong. Unchanged text changes nothing.
	 */
	@Transactional
	public DiscussionComment edit(long discussionId, long commentId, String text, int version) {
		CurrentUser user = access.requireUser();
		Discussion thread = discussions.visible(user, discussionId);
		DiscussionStore.StoredComment stored = readable(user, thread, commentId);
		DiscussionComment before = stored.comment();
		if (!mayEdit(user, before)) {
			throw new AccessDeniedException("Only the author of a comment can edit it");
		}
		if (!thread.open()) {
			throw DiscussionInputException.of("text", "This discussion is closed: its comments can no longer be edited");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		Discussions.checkText(text, errors);
		if (!errors.isEmpty()) {
			throw new DiscussionInputException(errors);
		}
		if (before.version() != version) {
			throw changed(commentId);
		}
		String newText = text.trim();
		if (newText.equals(before.text())) {
			return before;
		}
		DiscussionMentionNotices.Mentioned mentioned = mentions.resolve(newText, thread, before.published(),
				stored.authorOrg());
		Map<String, Boolean> known = store.mentionStates(commentId);
		List<UserView> toldNow = mentioned.now().stream().filter(u -> !known.containsKey(u.username())).toList();
		List<String> pending = mentioned.onPublish()
			.stream()
			.map(UserView::username)
			.filter(name -> !known.containsKey(name))
			.toList();
		Set<String> stillPending = mentioned.onPublish().stream().map(UserView::username).collect(Collectors.toSet());
		List<String> dropped = known.entrySet()
			.stream()
			.filter(mention -> !mention.getValue() && !stillPending.contains(mention.getKey()))
			.map(Map.Entry::getKey)
			.toList();
		Instant now = clock.instant();
		if (!store.updateText(commentId, version, newText, now)) {
			throw changed(commentId);
		}
		store.deletePendingMentions(commentId, dropped);
		store.insertMentions(commentId, toldNow.stream().map(UserView::username).toList(), true);
		store.insertMentions(commentId, pending, false);
		DiscussionComment after = store.comment(discussionId, commentId).orElseThrow().comment();
		Map<String, Object> afterState = state(after);
		afterState.put("mentionsAdded", toldNow.stream().map(UserView::username).toList());
		audit.record(new AuditEntry("OUTCOMES_DISCUSSION_COMMENT_EDITED", "OUTCOMES_DISCUSSION_COMMENT",
				String.valueOf(commentId), thread.orgCode(), state(before), afterState));
		mentions.notify(toldNow, user, thread, commentId);
		return after;
	}

	/**
	 * Publishes a draft to everyone in the discussion, if it is still at {@code version}, and tells the people it
	 * mentions who could not see it as a draft.
	 */
	@Transactional
	public DiscussionComment publish(long discussionId, long commentId, int version) {
		CurrentUser user = access.requireUser();
		Discussion thread = discussions.visible(user, discussionId);
		DiscussionStore.StoredComment stored = readable(user, thread, commentId);
		DiscussionComment before = stored.comment();
		if (before.published()) {
			if (before.version() != version) {
				throw changed(commentId);
			}
			throw new IllegalArgumentException("This comment is already shared with the discussion");
		}
		if (!mayPublish(user, before)) {
			throw new AccessDeniedException("Only the author of a draft or a user of its organisation can publish it");
		}
		if (!thread.open()) {
			throw new IllegalArgumentException("This discussion is closed: its drafts can no longer be published");
		}
		Instant now = clock.instant();
		if (before.version() != version || !store.publish(commentId, version, now)) {
			throw changed(commentId);
		}
		List<UserView> told = mentions.accounts(store.notifyPendingMentions(commentId));
		store.touch(discussionId, now);
		DiscussionComment after = store.comment(discussionId, commentId).orElseThrow().comment();
		Map<String, Object> afterState = state(after);
		afterState.put("mentionsTold", told.stream().map(UserView::username).toList());
		audit.record(new AuditEntry("OUTCOMES_DISCUSSION_COMMENT_PUBLISHED", "OUTCOMES_DISCUSSION_COMMENT",
				String.valueOf(commentId), thread.orgCode(), state(before), afterState));
		mentions.notify(told, new CurrentUser(before.author(), before.authorName(), null, before.authorOrg()), thread,
				commentId);
		return after;
	}

	private DiscussionStore.StoredComment readable(CurrentUser user, Discussion thread, long commentId) {
		DiscussionStore.StoredComment stored = store.comment(thread.id(), commentId)
			.orElseThrow(() -> new NoSuchElementException("No comment " + commentId + " in discussion " + thread.id()));
		if (!audience.canSee(user, thread, stored.comment().published(), stored.authorOrg())) {
			throw new AccessDeniedException("Your account cannot see this comment");
		}
		return stored;
	}

	private static OptimisticLockingFailureException changed(long commentId) {
		return new OptimisticLockingFailureException("Comment " + commentId + " has changed since it was read");
	}

	private static Map<String, Object> state(DiscussionComment comment) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("text", comment.text());
		state.put("published", comment.published());
		state.put("editedAt", comment.editedAt() == null ? null : comment.editedAt().toString());
		state.put("mentions", comment.mentions());
		state.put("version", comment.version());
		return state;
	}
}
