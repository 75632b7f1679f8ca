package org.cocommission.outcomes.discussions;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.AuditTrail;
import org.cocommission.directory.Directory;
import org.cocommission.directory.OrganisationDetails;
import org.cocommission.directory.OrganisationType;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.CurrentUser;
import org.cocommission.identity.UserView;
import org.cocommission.outcomes.Discussion;
import org.cocommission.outcomes.DiscussionReply;
import org.cocommission.outcomes.DiscussionStart;
import org.cocommission.outcomes.DiscussionStatus;
import org.cocommission.outcomes.DiscussionThreads;
import org.cocommission.outcomes.Indicator;
import org.cocommission.outcomes.Indicators;
import org.cocommission.outcomes.OutcomesValues;
import org.cocommission.platform.PageOf;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Peer discussion (issue 5, item 6): threads on an indicator for a CCG or practice, their comments with mentions and
 * the chart each refers to, captured when posted. Who sees what is {@link DiscussionAudience}'s; the pages, the API
 * and the demo all come through here.
 */
@Service
public class Discussions implements DiscussionThreads {

	public static final int MAX_PAGE_SIZE = 100;

	static final int MAX_TITLE = 200;

	static final int MAX_TEXT = 5_000;

	private final DiscussionStore store;

	private final DiscussionAudience audience;

	private final DiscussionSnapshots snapshots;

	private final DiscussionMentionNotices mentions;

	private final AccessPolicy access;

	private final Indicators indicators;

	private final OutcomesValues values;

	private final Directory directory;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Discussions(DiscussionStore store, DiscussionAudience audience, DiscussionSnapshots snapshots,
			DiscussionMentionNotices mentions, AccessPolicy access, Indicators indicators, OutcomesValues values,
			Directory directory, AuditTrail audit, Clock clock, ApplicationEventPublisher events) {
		this.store = store;
		this.audience = audience;
		this.snapshots = snapshots;
		this.mentions = mentions;
		this.access = access;
		this.indicators = indicators;
		this.values = values;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
	}

	/** The threads the user can see, newest activity first, optionally of one indicator and about one organisation. */
	@Transactional(readOnly = true)
	public PageOf<Discussion> list(String indicatorId, String orgCode, int page, int size) {
		CurrentUser user = access.requireUser();
		PageOf.check(page, size, MAX_PAGE_SIZE);
		List<String> organisations = user.isNational() ? null
				: store.threadOrganisations()
					.stream()
					.filter(org -> audience.canSee(user, org.orgCode(), org.orgType(), null))
					.map(DiscussionStore.ThreadOrganisation::orgCode)
					.toList();
		String indicator = blankToNull(indicatorId);
		String org = blankToNull(orgCode) == null ? null : orgCode.trim().toUpperCase();
		String peer = user.isNational() ? null : user.organisationCode();
		return new PageOf<>(store.list(organisations, peer, indicator, org, size, (long) page * size), page, size,
				store.count(organisations, peer, indicator, org));
	}

	/** A thread with the comments the user may see; 404 when there is none, 403 when it is not theirs to see. */
	@Transactional(readOnly = true)
	public DiscussionView get(long id) {
		CurrentUser user = access.requireUser();
		Discussion thread = visible(user, id);
		List<DiscussionComment> comments = store.comments(id)
			.stream()
			.filter(stored -> audience.canSee(user, thread, stored.comment().published(), stored.authorOrg()))
			.map(DiscussionStore.StoredComment::comment)
			.toList();
		List<Long> editable = comments.stream()
			.filter(comment -> thread.open() && DiscussionCommentChanges.mayEdit(user, comment))
			.map(DiscussionComment::id)
			.toList();
		List<Long> publishable = comments.stream()
			.filter(comment -> thread.open() && DiscussionCommentChanges.mayPublish(user, comment))
			.map(DiscussionComment::id)
			.toList();
		return new DiscussionView(thread, comments, thread.open(), mayClose(user, thread), editable, publishable);
	}

	/** Starts a thread with its first comment; nothing is saved when any field is wrong. */
	@Override
	@Transactional
	public Discussion start(DiscussionStart request) {
		CurrentUser user = access.requireUser();
		Map<String, String> errors = new LinkedHashMap<>();
		String orgCode = blankToNull(request.orgCode()) == null ? null : request.orgCode().trim().toUpperCase();
		OrganisationDetails org = null;
		if (orgCode == null) {
			errors.put("orgCode", "Enter the code of the CCG or practice the discussion is about");
		}
		else {
			org = directory.find(orgCode).orElse(null);
			if (org == null) {
				errors.put("orgCode", "No CCG or practice has the code " + orgCode);
			}
			else if (org.type() != OrganisationType.CCG && org.type() != OrganisationType.GP_PRACTICE) {
				errors.put("orgCode", "A discussion is about a CCG or a practice; " + orgCode + " is " + article(org.typeLabel()));
				org = null;
			}
		}
		String indicatorId = blankToNull(request.indicatorId());
		Indicator indicator = indicatorId == null ? null : indicators.find(indicatorId.trim()).orElse(null);
		if (indicator == null) {
			errors.put("indicatorId", "Choose the indicator the discussion is about");
		}
		String period = blankToNull(request.period()) == null ? null : request.period().trim();
		if (period != null && indicator != null && !values.periods(indicator.id()).contains(period)) {
			errors.put("period", "There are no values of this indicator for " + period);
		}
		String peerCode = blankToNull(request.peerCode()) == null ? null : request.peerCode().trim().toUpperCase();
		String peerName = null;
		if (peerCode != null && org != null) {
			if (!audience.peers(orgCode, org.type().name()).contains(peerCode)) {
				errors.put("peerCode", peerCode + " is not one of " + orgCode + "'s peers");
			}
			else {
				peerName = directory.find(peerCode).map(OrganisationDetails::name).orElse(peerCode);
			}
		}
		if (org != null && !audience.canSee(user, orgCode, org.type().name(), peerCode)) {
			throw new AccessDeniedException("Your account cannot take part in discussions on " + orgCode);
		}
		String title = blankToNull(request.title()) == null ? null : request.title().trim();
		if (title == null) {
			errors.put("title", "Enter a title");
		}
		else if (title.length() > MAX_TITLE) {
			errors.put("title", "The title must be " + MAX_TITLE + " characters or fewer");
		}
		checkText(request.text(), errors);
		DiscussionChartKind chart = chartKind(request.chart(), errors);
		if (!errors.isEmpty()) {
			throw new DiscussionInputException(errors);
		}
		Instant now = clock.instant();
		Discussion draft = new Discussion(0, orgCode, org.name(), org.type().name(), indicator.id(), indicator.name(),
				period, peerCode, peerName, title, user.username(), user.displayName(), DiscussionStatus.OPEN,
				org.synthetic(), now, now, 0);
		boolean published = !Boolean.FALSE.equals(request.published());
		DiscussionMentionNotices.Mentioned mentioned = mentions.resolve(request.text(), draft, published,
				user.organisationCode());
		DiscussionSnapshot snapshot = chart == null ? null : snapshots.capture(chart, draft, period);
		long id = store.insertThread(orgCode, org.name(), org.type().name(), indicator.id(), period, peerCode, peerName,
				title, user.username(), user.displayName(), org.synthetic(), now);
		store.insertStatus(id, DiscussionStatus.OPEN, user.username(), now);
		Discussion thread = store.find(id).orElseThrow();
		events.publishEvent(new DiscussionStarted(thread));
		addComment(user, thread, request.text().trim(), published, snapshot, mentioned, now);
		// The peer is told it is being compared once the opening comment is published (a draft tells nobody yet).
		if (published) {
			mentions.notifyPeer(thread, user, mentioned.now());
		}
		return thread;
	}

	/** {@link #comment} for other modules, which cannot see a comment: the demo answers its threads through it. */
	@Override
	@Transactional
	public void reply(long id, DiscussionReply request) {
		comment(id, request);
	}

	/** Adds a comment to an open thread the user can see; nothing is saved when any field is wrong. */
	@Transactional
	public DiscussionComment comment(long id, DiscussionReply request) {
		CurrentUser user = access.requireUser();
		Discussion thread = visible(user, id);
		if (!thread.open()) {
			throw DiscussionInputException.of("text", "This discussion is closed: it takes no more comments");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		checkText(request.text(), errors);
		DiscussionChartKind chart = chartKind(request.chart(), errors);
		if (!errors.isEmpty()) {
			throw new DiscussionInputException(errors);
		}
		boolean published = !Boolean.FALSE.equals(request.published());
		DiscussionMentionNotices.Mentioned mentioned = mentions.resolve(request.text(), thread, published,
				user.organisationCode());
		DiscussionSnapshot snapshot = chart == null ? null : snapshots.capture(chart, thread, request.period());
		Instant now = clock.instant();
		long commentId = addComment(user, thread, request.text().trim(), published, snapshot, mentioned, now);
		store.touch(id, now);
		return store.comments(id).stream()
			.map(DiscussionStore.StoredComment::comment)
			.filter(comment -> comment.id() == commentId)
			.findFirst()
			.orElseThrow();
	}

	/** Closes a thread, if it is still at {@code version} (else 409). */
	@Transactional
	public Discussion close(long id, int version) {
		return changeStatus(id, version, DiscussionStatus::close, "OUTCOMES_DISCUSSION_CLOSED");
	}

	/** Reopens a closed thread, if it is still at {@code version} (else 409). */
	@Transactional
	public Discussion reopen(long id, int version) {
		return changeStatus(id, version, DiscussionStatus::reopen, "OUTCOMES_DISCUSSION_REOPENED");
	}

	/** The organisations a thread on {@code orgCode} may be started with (its peers), by name. */
	@Transactional(readOnly = true)
	public List<OutcomesValues.OrgRef> peerChoices(String orgCode) {
		access.requireUser();
		if (orgCode == null || orgCode.isBlank()) {
			return List.of();
		}
		String code = orgCode.trim().toUpperCase();
		return directory.find(code)
			.filter(org -> org.type() == OrganisationType.CCG || org.type() == OrganisationType.GP_PRACTICE)
			.map(org -> audience.peers(code, org.type().name())
				.stream()
				.map(peer -> new OutcomesValues.OrgRef(peer,
						directory.find(peer).map(OrganisationDetails::name).orElse(peer)))
				.toList())
			.orElse(List.of());
	}

	/** Whether there are any threads at all, for an empty state that says so. */
	@Override
	@Transactional(readOnly = true)
	public boolean any() {
		return store.any();
	}

	private Discussion changeStatus(long id, int version, java.util.function.UnaryOperator<DiscussionStatus> transition,
			String action) {
		CurrentUser user = access.requireUser();
		Discussion thread = visible(user, id);
		if (!mayClose(user, thread)) {
			throw new AccessDeniedException("Only " + thread.orgCode() + ", those above it and the thread's author"
					+ " can close or reopen it");
		}
		if (thread.version() != version) {
			throw new OptimisticLockingFailureException("Discussion " + id + " has changed since it was read");
		}
		DiscussionStatus next = transition.apply(thread.status());
		Instant now = clock.instant();
		if (!store.updateStatus(id, version, next, now)) {
			throw new OptimisticLockingFailureException("Discussion " + id + " has changed since it was read");
		}
		store.insertStatus(id, next, user.username(), now);
		Discussion after = store.find(id).orElseThrow();
		audit.record(new AuditEntry(action, "OUTCOMES_DISCUSSION", String.valueOf(id), thread.orgCode(), state(thread),
				state(after)));
		return after;
	}

	private long addComment(CurrentUser user, Discussion thread, String text, boolean published,
			DiscussionSnapshot snapshot, DiscussionMentionNotices.Mentioned mentioned, Instant now) {
		long commentId = store.insertComment(thread.id(), user.username(), user.displayName(), user.organisationCode(),
				text, published, now, snapshot);
		List<String> usernames = mentioned.usernames();
		store.insertMentions(commentId, mentioned.now().stream().map(UserView::username).toList(), true);
		store.insertMentions(commentId, mentioned.onPublish().stream().map(UserView::username).toList(), false);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("discussion", thread.id());
		after.put("published", published);
		after.put("text", text);
		after.put("chart", snapshot == null ? null : snapshot.kind().name());
		after.put("mentions", usernames);
		audit.record(new AuditEntry("OUTCOMES_DISCUSSION_COMMENTED", "OUTCOMES_DISCUSSION_COMMENT",
				String.valueOf(commentId), thread.orgCode(), null, after));
		mentions.notify(mentioned.now(), user, thread, commentId);
		return commentId;
	}

	Discussion visible(CurrentUser user, long id) {
		Discussion thread = store.find(id).orElseThrow(() -> new NoSuchElementException("No discussion " + id));
		if (!audience.canSee(user, thread)) {
			throw new AccessDeniedException("Your account cannot see this discussion");
		}
		return thread;
	}

	private boolean mayClose(CurrentUser user, Discussion thread) {
		return audience.isHome(user, thread.orgCode()) || thread.author().equals(user.username());
	}

	static void checkText(String text, Map<String, String> errors) {
		if (text == null || text.isBlank()) {
			errors.put("text", "Enter a comment");
		}
		else if (text.trim().length() > MAX_TEXT) {
			errors.put("text", "A comment must be " + String.format("%,d", MAX_TEXT) + " characters or fewer");
		}
	}

	private static DiscussionChartKind chartKind(String chart, Map<String, String> errors) {
		try {
			return DiscussionChartKind.fromSlug(chart);
		}
		catch (DiscussionInputException ex) {
			errors.putAll(ex.fieldErrors());
			return null;
		}
	}

	static Map<String, Object> state(Discussion thread) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("org", thread.orgCode());
		state.put("indicator", thread.indicatorId());
		state.put("period", thread.period());
		state.put("peer", thread.peerCode());
		state.put("title", thread.title());
		state.put("status", thread.status().name());
		state.put("version", thread.version());
		return state;
	}

	private static String article(String label) {
		return ("AEIOU".indexOf(Character.toUpperCase(label.charAt(0))) >= 0 ? "an " : "a ") + label.toLowerCase();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
