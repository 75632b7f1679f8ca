package org.cocommission.outcomes.discussions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cocommission.identity.CurrentUser;
import org.cocommission.identity.UserAccounts;
import org.cocommission.identity.UserView;
import org.cocommission.notification.Notifications;
import org.cocommission.outcomes.Discussion;

import org.springframework.stereotype.Component;

/**
 * Resolves a comment's {@code @username} mentions against the accounts that can read it, and tells each mentioned
 * person once (a notice, and an e-mail with a key per comment and person so that it is never queued twice). In a
 * draft, someone who sees the discussion but not drafts is told when the draft is published. E-mailed links are
 * absolute, on {@code cocommission.base-url}.
 */
@Component
class DiscussionMentionNotices {

	private final UserAccounts accounts;

	private final DiscussionAudience audience;

	private final Notifications notifications;

	DiscussionMentionNotices(UserAccounts accounts, DiscussionAudience audience, Notifications notifications) {
		this.accounts = accounts;
		this.audience = audience;
		this.notifications = notifications;
	}

	/** The mentioned accounts told now, and those told when the draft is published. */
	record Mentioned(List<UserView> now, List<UserView> onPublish) {

		List<String> usernames() {
			List<String> names = new ArrayList<>();
			now.forEach(user -> names.add(user.username()));
			onPublish.forEach(user -> names.add(user.username()));
			return names;
		}
	}

	/** The mentioned accounts, or a field error on {@code text} naming who cannot be mentioned and why. */
	Mentioned resolve(String text, Discussion thread, boolean published, String authorOrg) {
		Map<String, String> problems = new LinkedHashMap<>();
		List<UserView> mentioned = new ArrayList<>();
		List<UserView> onPublish = new ArrayList<>();
		for (String username : DiscussionMentions.usernames(text)) {
			Optional<UserView> account = accounts.find(username).filter(UserView::enabled);
			if (account.isEmpty()) {
				problems.put(username, "There is no user called @" + username);
				continue;
			}
			UserView user = account.get();
			CurrentUser reader = new CurrentUser(user.username(), user.displayName(), user.role(), user.organisationCode());
			if (!audience.canSee(reader, thread)) {
				problems.put(username, "@" + username + " cannot see this discussion, so cannot be mentioned in it");
			}
			else if (!audience.canSee(reader, thread, published, authorOrg)) {
				onPublish.add(user);
			}
			else {
				mentioned.add(user);
			}
		}
		if (!problems.isEmpty()) {
			throw DiscussionInputException.of("text", String.join(". ", problems.values()));
		}
		return new Mentioned(mentioned, onPublish);
	}

	/** The enabled accounts of these usernames, for telling a published draft's pending mentions. */
	List<UserView> accounts(List<String> usernames) {
		return usernames.stream().map(accounts::find).flatMap(Optional::stream).filter(UserView::enabled).toList();
	}

	void notify(List<UserView> mentioned, CurrentUser author, Discussion thread, long commentId) {
		String link = "/outcomes/discussions/" + thread.id() + "#comment-" + commentId;
		String subject = "You were mentioned in a discussion on " + thread.orgName();
		String body = author.displayName() + " mentioned you in \"" + thread.title() + "\" (" + thread.indicatorName()
				+ ", " + thread.orgName() + ").";
		for (UserView user : mentioned) {
			if (user.username().equals(author.username())) {
				continue;
			}
			notifications.notice(user.username(), subject, body, link);
			if (user.email() != null) {
				notifications.email(user.email(), subject, body + "\n\nRead it in CoCommission: " + notifications.absolute(link),
						"outcomes-discussion-mention-" + commentId + "-" + user.username());
			}
		}
	}

	/**
	 * Tells the peer a discussion was started with: every enabled account of the peer organisation gets a notice (and
	 * an e-mail, once per thread and person), except those the first comment already told by mention.
	 */
	void notifyPeer(Discussion thread, CurrentUser author, List<UserView> alreadyTold) {
		if (thread.peerCode() == null) {
			return;
		}
		java.util.Set<String> told = new java.util.HashSet<>();
		alreadyTold.forEach(user -> told.add(user.username()));
		String link = "/outcomes/discussions/" + thread.id();
		String subject = thread.orgName() + " started a discussion with " + thread.peerName();
		String body = author.displayName() + " started \"" + thread.title() + "\" on " + thread.indicatorName()
				+ ", comparing " + thread.orgName() + " with " + thread.peerName() + ".";
		for (UserView user : accounts.list(thread.peerCode(), null, 0, 100).items()) {
			if (!user.enabled() || user.username().equals(author.username()) || !told.add(user.username())) {
				continue;
			}
			notifications.notice(user.username(), subject, body, link);
			if (user.email() != null) {
				notifications.email(user.email(), subject, body + "\n\nRead it in CoCommission: " + notifications.absolute(link),
						"outcomes-discussion-peer-" + thread.id() + "-" + user.username());
			}
		}
	}
}
