package org.cocommission.outcomes.discussions;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.cocommission.directory.DirectoryImports;
import org.cocommission.identity.UserAccounts;
import org.cocommission.outcomes.Discussion;
import org.cocommission.outcomes.DiscussionReply;
import org.cocommission.outcomes.DiscussionStart;
import org.cocommission.outcomes.DiscussionStatus;
import org.cocommission.outcomes.ObservationImports;
import org.cocommission.outcomes.OutcomesLevel;
import org.cocommission.outcomes.OutcomesValues;
import org.cocommission.outcomes.ValueRow;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cocommission.outcomes.discussions.DiscussionTestData.INDICATOR;
import static org.cocommission.outcomes.OutcomesTestData.as;

/** Who sees which thread and comment, mentions, closing, and charts captured as they were. */
@SpringBootTest(properties = "cocommission.test.context=discussion")
@AutoConfigureMockMvc
@RecordApplicationEvents
class OutcomesDiscussionTests {

	private final JdbcClient jdbc;

	private final DirectoryImports directoryImports;

	private final UserAccounts accounts;

	private final UserDetailsService users;

	private final ObservationImports observations;

	private final Discussions discussions;

	private final OutcomesValues values;

	@Autowired
	OutcomesDiscussionTests(JdbcClient jdbc, DirectoryImports directoryImports, UserAccounts accounts,
			UserDetailsService users, ObservationImports observations, Discussions discussions, OutcomesValues values) {
		this.jdbc = jdbc;
		this.directoryImports = directoryImports;
		this.accounts = accounts;
		this.users = users;
		this.observations = observations;
		this.discussions = discussions;
		this.values = values;
	}

	@BeforeEach
	void data() {
		DiscussionTestData.load(jdbc, directoryImports, accounts, users, observations);
	}

	@Test
	void aCcgThreadIsSeenByTheCcgItsAreaTeamNationalAndItsPeersOnly() {
		Discussion thread = start("disc-ccg-01a", "01A", "01B", "Diabetes control", "Shared with peers", true);
		comment("disc-ccg-01a", thread, "Internal draft for 01A only", false);
		assertThat(comments("disc-ccg-01a", thread)).containsExactly("Shared with peers", "Internal draft for 01A only");
		assertThat(comments("disc-area-q01", thread)).hasSize(2);
		assertThat(comments("disc-national", thread)).hasSize(2);
		assertThat(comments("disc-ccg-01b", thread)).containsExactly("Shared with peers");
		assertThat(comments("disc-ccg-01c", thread)).containsExactly("Shared with peers");
		for (String outsider : List.of("disc-ccg-02e", "disc-ccg-01d", "disc-area-q02", "disc-p01a1", "disc-p01b1")) {
			assertThatThrownBy(() -> comments(outsider, thread)).as(outsider).isInstanceOf(AccessDeniedException.class);
			assertThatThrownBy(() -> comment(outsider, thread, "let me in", true)).as(outsider)
				.isInstanceOf(AccessDeniedException.class);
			assertThat(listed(outsider)).as(outsider).isEmpty();
		}
		assertThat(listed("disc-ccg-01b")).containsExactly(thread.id());
		assertThat(listed("disc-area-q01")).containsExactly(thread.id());
		assertThat(listed("disc-national")).containsExactly(thread.id());
	}

	@Test
	void aPeersUnpublishedReplyStaysWithThePeerAndItsAreaTeam() {
		Discussion thread = start("disc-ccg-01a", "01A", "01B", "Peer comparison", "What do you do differently?", true);
		comment("disc-ccg-01b", thread, "Draft reply inside 01B", false);
		comment("disc-ccg-01b", thread, "We run a diabetes clinic", true);
		assertThat(comments("disc-ccg-01a", thread)).containsExactly("What do you do differently?", "We run a diabetes clinic");
		assertThat(comments("disc-ccg-01c", thread)).containsExactly("What do you do differently?", "We run a diabetes clinic");
		assertThat(comments("disc-ccg-01b", thread)).hasSize(3);
		assertThat(comments("disc-area-q01", thread)).hasSize(3);
		assertThat(comments("disc-national", thread)).hasSize(3);
	}

	@Test
	void aPracticeSeesItsOwnAndPeerAggregatesButNotOtherPracticesUnpublishedComments() {
		Discussion thread = start("disc-p01a1", "P01A1", "P01A2", "Our HbA1c", "Shared with the practices of 01A", true);
		comment("disc-p01a1", thread, "Practice draft", false);
		assertThat(comments("disc-p01a1", thread)).hasSize(2);
		assertThat(comments("disc-p01a2", thread)).containsExactly("Shared with the practices of 01A");
		assertThat(comments("disc-ccg-01a", thread)).hasSize(2);
		assertThat(comments("disc-area-q01", thread)).hasSize(2);
		for (String outsider : List.of("disc-p01b1", "disc-ccg-01b", "disc-area-q02")) {
			assertThatThrownBy(() -> comments(outsider, thread)).as(outsider).isInstanceOf(AccessDeniedException.class);
		}
		List<ValueRow> ccgs = as(users, "disc-p01a2", () -> values.values(INDICATOR, OutcomesLevel.CCG, "2019/20", null));
		assertThat(ccgs).extracting(ValueRow::orgCode).contains("01A", "01B");
		List<ValueRow> practices = as(users, "disc-p01a2",
				() -> values.values(INDICATOR, OutcomesLevel.PRACTICE, "2019/20", "01A"));
		assertThat(practices).extracting(ValueRow::orgCode).containsExactly("P01A1", "P01A2");
	}

	@Test
	void listsNewestActivityFirstInPagesAndFiltersByIndicatorAndOrganisation() {
		Discussion older = start("disc-ccg-01a", "01A", "01B", "Older", "First", true);
		Discussion newer = start("disc-ccg-01b", "01B", "01A", "Newer", "Second", true);
		assertThat(listed("disc-ccg-01a")).containsExactly(newer.id(), older.id());
		comment("disc-ccg-01a", older, "Bumps the older thread", true);
		assertThat(listed("disc-ccg-01a")).containsExactly(older.id(), newer.id());
		var firstPage = as(users, "disc-ccg-01a", () -> discussions.list(null, null, 0, 1));
		assertThat(firstPage.total()).isEqualTo(2);
		assertThat(firstPage.items()).extracting(Discussion::id).containsExactly(older.id());
		assertThat(as(users, "disc-ccg-01a", () -> discussions.list(null, null, 1, 1)).items()).extracting(Discussion::id)
			.containsExactly(newer.id());
		assertThat(as(users, "disc-ccg-01c", () -> discussions.list(null, null, 0, 10)).items()).extracting(Discussion::id)
			.containsExactly(older.id());
		assertThat(as(users, "disc-national", () -> discussions.list(INDICATOR, "01b", 0, 10)).total()).isEqualTo(2);
		assertThat(as(users, "disc-national", () -> discussions.list("PRAC-CERV", null, 0, 10)).total()).isZero();
	}

	@Test
	void thePeerAThreadWasStartedWithKeepsSeeingItAfterPeerGroupsAreRecomputed() {
		Discussion thread = start("disc-ccg-01a", "01A", "01B", "Named peer", "Shared", true);
		jdbc.sql("update outcomes_peer set peer_code = '01D' where ccg_code = '01A' and peer_code = '01B'").update();
		assertThat(comments("disc-ccg-01b", thread)).containsExactly("Shared");
		assertThat(comments("disc-ccg-01d", thread)).containsExactly("Shared");
		assertThat(listed("disc-ccg-01b")).containsExactly(thread.id());
	}

	@Test
	void aMissingThreadIsNotFound() {
		assertThatThrownBy(() -> as(users, "disc-national", () -> discussions.get(987_654)))
			.isInstanceOf(java.util.NoSuchElementException.class);
	}

	@Test
	void onlyAPeerCanBeNamedAndEveryFieldIsChecked() {
		assertThatThrownBy(() -> start("disc-ccg-01a", "01A", "02E", "Not a peer", "text", true))
			.isInstanceOfSatisfying(DiscussionInputException.class,
					ex -> assertThat(ex.fieldErrors()).containsEntry("peerCode", "02E is not one of 01A's peers"));
		assertThatThrownBy(() -> as(users, "disc-ccg-01a",
				() -> discussions.start(new DiscussionStart("01A", "", "1999/00", null, " ", "", true, "pie"))))
			.isInstanceOfSatisfying(DiscussionInputException.class, ex -> assertThat(ex.fieldErrors())
				.containsOnlyKeys("indicatorId", "title", "text", "chart"));
		assertThatThrownBy(() -> start("disc-ccg-01a", "Q01", null, "Area", "text", true))
			.isInstanceOfSatisfying(DiscussionInputException.class,
					ex -> assertThat(ex.fieldErrors().get("orgCode")).contains("CCG or a practice"));
		assertThatThrownBy(() -> start("disc-ccg-02e", "01A", null, "Not mine", "text", true))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(count("outcomes_discussion")).isZero();
	}

	@Test
	void thePeerADiscussionIsStartedWithIsToldOnceAndNobodyElseIs() {
		Discussion thread = start("disc-ccg-01a", "01A", "01B", "Diabetes control", "How do you manage it?", true);

		assertThat(jdbc.sql("select recipient, title, link from notification_notice order by recipient")
			.query((rs, row) -> rs.getString(1) + " | " + rs.getString(2) + " | " + rs.getString(3))
			.list()).singleElement().satisfies(notice -> assertThat(notice).startsWith("disc-ccg-01b | ")
				.contains("started a discussion with").endsWith("/outcomes/discussions/" + thread.id()));
		assertThat(jdbc.sql("select deduplication_key from notification_email_outbox").query(String.class).list())
			.containsExactly("outcomes-discussion-peer-" + thread.id() + "-disc-ccg-01b");

		start("disc-ccg-01a", "01A", null, "No peer", "Just us", true);
		assertThat(count("notification_notice")).isEqualTo(1);
	}

	@Test
	void mentionsAreStoredHighlightedAndToldOnceAndOnlyToPeopleWhoCanSee() {
		Discussion thread = start("disc-ccg-01a", "01A", "01B", "Mentions", "Opening", true);
		DiscussionComment reply = as(users, "disc-ccg-01b", () -> discussions.comment(thread.id(),
				new DiscussionReply("Thanks @disc-ccg-01a, and @disc-area-q01. Mail me at x@example.nhs.uk", true, null, null)));
		assertThat(reply.mentions()).containsExactly("disc-area-q01", "disc-ccg-01a");
		assertThat(reply.segments()).filteredOn(DiscussionComment.Segment::mention)
			.extracting(DiscussionComment.Segment::text)
			.containsExactly("@disc-ccg-01a", "@disc-area-q01");
		assertThat(jdbc.sql("select count(*) from notification_notice where recipient = 'disc-ccg-01a'").query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("select deduplication_key from notification_email_outbox where recipient = ?")
			.param("disc-ccg-01a@example.nhs.uk")
			.query(String.class)
			.list()).containsExactly("outcomes-discussion-mention-" + reply.id() + "-disc-ccg-01a");
		long comments = count("outcomes_discussion_comment");
		assertThatThrownBy(() -> comment("disc-ccg-01a", thread, "Ask @disc-ccg-02e", true))
			.isInstanceOfSatisfying(DiscussionInputException.class, ex -> assertThat(ex.fieldErrors().get("text"))
				.isEqualTo("@disc-ccg-02e cannot see this discussion, so cannot be mentioned in it"));
		assertThatThrownBy(() -> comment("disc-ccg-01a", thread, "Ask @nobody-here", true))
			.isInstanceOfSatisfying(DiscussionInputException.class,
					ex -> assertThat(ex.fieldErrors().get("text")).isEqualTo("There is no user called @nobody-here"));
		assertThat(count("outcomes_discussion_comment")).isEqualTo(comments);
		// A draft may name a peer, who is told only when it is published (OutcomesDiscussionCommentChangesTests).
		DiscussionComment draft = comment("disc-ccg-01a", thread, "Draft for @disc-ccg-01b", false);
		assertThat(draft.mentions()).containsExactly("disc-ccg-01b");
		// Two mentions, and 01B told once that the discussion was started with it.
		assertThat(count("notification_notice")).isEqualTo(3);
	}

	@Test
	void closingChecksTheStateTheVersionAndWhoIsClosing(@Autowired ApplicationEvents events) {
		Discussion thread = start("disc-ccg-01a", "01A", "01B", "To close", "Opening", true);
		assertThatThrownBy(() -> as(users, "disc-ccg-01b", () -> discussions.close(thread.id(), 0)))
			.isInstanceOf(AccessDeniedException.class);
		Discussion closed = as(users, "disc-area-q01", () -> discussions.close(thread.id(), 0));
		assertThat(closed.status()).isEqualTo(DiscussionStatus.CLOSED);
		assertThat(closed.version()).isEqualTo(1);
		assertThatThrownBy(() -> as(users, "disc-ccg-01a", () -> discussions.reopen(thread.id(), 0)))
			.isInstanceOf(OptimisticLockingFailureException.class);
		assertThatThrownBy(() -> as(users, "disc-ccg-01a", () -> discussions.close(thread.id(), 1)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("This discussion is already closed");
		assertThatThrownBy(() -> comment("disc-ccg-01b", thread, "Late reply", true))
			.isInstanceOf(DiscussionInputException.class);
		Discussion reopened = as(users, "disc-ccg-01a", () -> discussions.reopen(thread.id(), 1));
		assertThat(reopened.open()).isTrue();
		assertThat(jdbc.sql("select status from outcomes_discussion_status where discussion_id = ? order by id")
			.param(thread.id())
			.query(String.class)
			.list()).containsExactly("OPEN", "CLOSED", "OPEN");
		assertThat(jdbc.sql("select action from audit_event where entity_type = 'OUTCOMES_DISCUSSION' and entity_id = ?"
				+ " order by id").param(String.valueOf(thread.id())).query(String.class).list())
			.containsExactly("OUTCOMES_DISCUSSION_STARTED", "OUTCOMES_DISCUSSION_CLOSED", "OUTCOMES_DISCUSSION_REOPENED");
		assertThat(events.stream(DiscussionStarted.class)).singleElement()
			.satisfies(started -> assertThat(started.thread().id()).isEqualTo(thread.id()));
	}

	@Test
	void aCapturedChartStaysAsItWasAfterALaterImport() {
		Discussion thread = as(users, "disc-ccg-01a", () -> discussions.start(new DiscussionStart("01A", INDICATOR,
				"2019/20", "01B", "Deciles", "See where we are", true, "deciles")));
		comment("disc-ccg-01b", thread, "Our funnel", true, "funnel");
		comment("disc-ccg-01a", thread, "Our spine", true, "spine");
		List<DiscussionSnapshot> before = charts(thread);
		assertThat(before).extracting(DiscussionSnapshot::kind)
			.containsExactly(DiscussionChartKind.DECILES, DiscussionChartKind.FUNNEL, DiscussionChartKind.SPINE);
		assertThat(before.get(0).chart().get("periods")).isEqualTo(List.of("2018/19", "2019/20"));
		assertThat(before.get(0).rows()).hasSize(2);
		assertThat(before.get(1).rows()).hasSize(6);
		assertThat(before.get(1).period()).isEqualTo("2019/20");

		DiscussionTestData.importLater(users, observations);

		assertThat(as(users, "disc-ccg-01a", () -> values.deciles(INDICATOR, OutcomesLevel.CCG, "01A")).periods())
			.containsExactly("2018/19", "2019/20", "2020/21");
		assertThat(charts(thread)).isEqualTo(before);
	}

	@Test
	void aSpineChartIsForCcgsAndAChartNeedsData() {
		Discussion thread = start("disc-p01a1", "P01A1", null, "Practice", "Opening", true);
		assertThatThrownBy(() -> comment("disc-p01a1", thread, "Spine", true, "spine"))
			.isInstanceOfSatisfying(DiscussionInputException.class,
					ex -> assertThat(ex.fieldErrors()).containsKey("chart"));
		DiscussionComment deciles = comment("disc-p01a1", thread, "Deciles", true, "deciles");
		assertThat(deciles.chart().title()).contains("across practices");
		DiscussionComment funnel = comment("disc-p01a1", thread, "Funnel", true, "funnel");
		assertThat(funnel.chart().rows()).extracting(row -> row.get(0)).containsExactlyInAnyOrder("P01A1", "P01A2");
	}

	private Discussion start(String user, String org, String peer, String title, String text, boolean published) {
		return as(users, user, () -> discussions.start(new DiscussionStart(org, INDICATOR, null, peer, title, text,
				published, null)));
	}

	private DiscussionComment comment(String user, Discussion thread, String text, boolean published) {
		return comment(user, thread, text, published, null);
	}

	private DiscussionComment comment(String user, Discussion thread, String text, boolean published, String chart) {
		return as(users, user, () -> discussions.comment(thread.id(), new DiscussionReply(text, published, chart, null)));
	}

	private List<String> comments(String user, Discussion thread) {
		return as(users, user, () -> discussions.get(thread.id())).comments()
			.stream()
			.map(DiscussionComment::text)
			.toList();
	}

	private List<DiscussionSnapshot> charts(Discussion thread) {
		return as(users, "disc-national", () -> discussions.get(thread.id())).comments()
			.stream()
			.map(DiscussionComment::chart)
			.filter(java.util.Objects::nonNull)
			.toList();
	}

	private List<Long> listed(String user) {
		return as(users, user, () -> discussions.list(null, null, 0, 20)).items().stream().map(Discussion::id).toList();
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}
}
