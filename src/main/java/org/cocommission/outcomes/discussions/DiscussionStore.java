package org.cocommission.outcomes.discussions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.cocommission.outcomes.Discussion;
import org.cocommission.outcomes.DiscussionStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The discussion tables: threads, their status history, comments with their captured charts, and mentions. */
@Component
class DiscussionStore {

	private static final String THREAD = """
			select d.*, i.name as indicator_name from outcomes_discussion d
			join outcomes_indicator i on i.id = d.indicator_id
			""";

	private static final String COMMENTS = """
			select c.*, coalesce((select array_agg(m.username order by m.username) from outcomes_discussion_mention m
			    where m.comment_id = c.id), '{}') as mentions
			from outcomes_discussion_comment c
			""";

	/** A comment as stored, before the reader's access is applied. */
	record StoredComment(DiscussionComment comment, String authorOrg) {
	}

	/** An organisation with threads, and its type. */
	record ThreadOrganisation(String orgCode, String orgType) {
	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	DiscussionStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	long insertThread(String orgCode, String orgName, String orgType, String indicatorId, String period, String peerCode,
			String peerName, String title, String author, String authorName, boolean synthetic, Instant at) {
		return jdbc.sql("""
				insert into outcomes_discussion (org_code, org_name, org_type, indicator_id, period, peer_code, peer_name,
				    title, author, author_name, status, synthetic, created_at, last_activity_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?) returning id
				""")
			.params(orgCode, orgName, orgType, indicatorId, period, peerCode, peerName, title, author, authorName,
					synthetic, Timestamp.from(at), Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	void insertStatus(long discussionId, DiscussionStatus status, String by, Instant at) {
		jdbc.sql("insert into outcomes_discussion_status (discussion_id, status, changed_by, changed_at) values (?, ?, ?, ?)")
			.params(discussionId, status.name(), by, Timestamp.from(at))
			.update();
	}

	/** Sets the status if the thread is still at {@code version}; returns whether it was. */
	boolean updateStatus(long discussionId, int version, DiscussionStatus status, Instant at) {
		return jdbc.sql("update outcomes_discussion set status = ?, version = version + 1, last_activity_at = ?"
				+ " where id = ? and version = ?")
			.params(status.name(), Timestamp.from(at), discussionId, version)
			.update() == 1;
	}

	void touch(long discussionId, Instant at) {
		jdbc.sql("update outcomes_discussion set last_activity_at = greatest(last_activity_at, ?) where id = ?")
			.params(Timestamp.from(at), discussionId)
			.update();
	}

	Optional<Discussion> find(long id) {
		return jdbc.sql(THREAD + " where d.id = ?").param(id).query(Discussion.class).optional();
	}

	long insertComment(long discussionId, String author, String authorName, String authorOrg, String text,
			boolean published, Instant at, DiscussionSnapshot chart) {
		return jdbc.sql("""
				insert into outcomes_discussion_comment (discussion_id, author, author_name, author_org, body, published,
				    posted_at, chart_kind, chart_snapshot)
				values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb)) returning id
				""")
			.params(discussionId, author, authorName, authorOrg, text, published, Timestamp.from(at),
					chart == null ? null : chart.kind().name(), chart == null ? null : json.writeValueAsString(chart))
			.query(Long.class)
			.single();
	}

	void insertMentions(long commentId, Collection<String> usernames) {
		insertMentions(commentId, usernames, true);
	}

	/** Mentions told now ({@code notified}), or kept to be told when the draft is published. */
	void insertMentions(long commentId, Collection<String> usernames, boolean notified) {
		for (String username : usernames) {
			jdbc.sql("insert into outcomes_discussion_mention (comment_id, username, notified) values (?, ?, ?)"
					+ " on conflict (comment_id, username) do nothing")
				.params(commentId, username, notified)
				.update();
		}
	}

	/** The comment's mentions, each with whether the person was told. */
	java.util.Map<String, Boolean> mentionStates(long commentId) {
		java.util.Map<String, Boolean> states = new java.util.LinkedHashMap<>();
		jdbc.sql("select username, notified from outcomes_discussion_mention where comment_id = ? order by username")
			.param(commentId)
			.query(rs -> {
				states.put(rs.getString(1), rs.getBoolean(2));
			});
		return states;
	}

	void deletePendingMentions(long commentId, Collection<String> usernames) {
		jdbc.sql("delete from outcomes_discussion_mention where comment_id = ? and not notified and username = any (?)")
			.params(commentId, usernames.toArray(String[]::new))
			.update();
	}

	/** Marks the draft's pending mentions told and returns their usernames. */
	List<String> notifyPendingMentions(long commentId) {
		return jdbc.sql("update outcomes_discussion_mention set notified = true where comment_id = ? and not notified"
				+ " returning username")
			.param(commentId)
			.query(String.class)
			.list();
	}

	/** One comment of a thread as stored, if it is in that thread. */
	Optional<StoredComment> comment(long discussionId, long commentId) {
		return jdbc.sql(COMMENTS + " where c.discussion_id = ? and c.id = ?")
			.params(discussionId, commentId)
			.query((rs, row) -> new StoredComment(comment(rs), rs.getString("author_org")))
			.optional();
	}

	/** Replaces the text if the comment is still at {@code version}; returns whether it was. */
	boolean updateText(long commentId, int version, String text, Instant at) {
		return jdbc.sql("update outcomes_discussion_comment set body = ?, edited_at = ?, version = version + 1"
				+ " where id = ? and version = ?")
			.params(text, Timestamp.from(at), commentId, version)
			.update() == 1;
	}

	/** Publishes the draft if it is still an unpublished draft at {@code version}; returns whether it was. */
	boolean publish(long commentId, int version, Instant at) {
		return jdbc.sql("update outcomes_discussion_comment set published = true, published_at = ?, version = version + 1"
				+ " where id = ? and version = ? and not published")
			.params(Timestamp.from(at), commentId, version)
			.update() == 1;
	}

	/** Every comment of a thread, oldest first. */
	List<StoredComment> comments(long discussionId) {
		return jdbc.sql(COMMENTS + " where c.discussion_id = ? order by c.posted_at, c.id")
			.param(discussionId)
			.query((rs, row) -> new StoredComment(comment(rs), rs.getString("author_org")))
			.list();
	}

	List<ThreadOrganisation> threadOrganisations() {
		return jdbc.sql("select distinct org_code, org_type from outcomes_discussion")
			.query(ThreadOrganisation.class)
			.list();
	}

	/**
	 * A page of threads, newest activity first: all of them when {@code organisations} is null, else those on these
	 * organisations or started with {@code peerCode}; optionally of one indicator and about (or with) one organisation.
	 */
	List<Discussion> list(Collection<String> organisations, String peerCode, String indicatorId, String orgCode,
			int limit, long offset) {
		return jdbc.sql(THREAD + where() + " order by d.last_activity_at desc, d.id desc limit :limit offset :offset")
			.params(params(organisations, peerCode, indicatorId, orgCode))
			.param("limit", limit)
			.param("offset", offset)
			.query(Discussion.class)
			.list();
	}

	long count(Collection<String> organisations, String peerCode, String indicatorId, String orgCode) {
		return jdbc.sql("select count(*) from outcomes_discussion d" + where())
			.params(params(organisations, peerCode, indicatorId, orgCode))
			.query(Long.class)
			.single();
	}

	boolean any() {
		return jdbc.sql("select exists (select 1 from outcomes_discussion)").query(Boolean.class).single();
	}

	private static String where() {
		return " where (:everything or d.org_code = any (:orgs) or d.peer_code = :peer)"
				+ " and (cast(:indicator as varchar) is null or d.indicator_id = :indicator)"
				+ " and (cast(:org as varchar) is null or d.org_code = :org or d.peer_code = :org)";
	}

	private static java.util.Map<String, Object> params(Collection<String> organisations, String peerCode,
			String indicatorId, String orgCode) {
		var params = new java.util.HashMap<String, Object>();
		params.put("everything", organisations == null);
		params.put("orgs", organisations == null ? new String[0] : organisations.toArray(String[]::new));
		params.put("peer", peerCode);
		params.put("indicator", indicatorId);
		params.put("org", orgCode);
		return params;
	}

	/** A mapper of its own: a comment's mentions are an array, its chart JSON. */
	private DiscussionComment comment(ResultSet rs) throws SQLException {
		String snapshot = rs.getString("chart_snapshot");
		String[] mentions = (String[]) rs.getArray("mentions").getArray();
		return new DiscussionComment(rs.getLong("id"), rs.getString("author"), rs.getString("author_name"),
				rs.getString("author_org"), rs.getString("body"), rs.getBoolean("published"), instant(rs, "posted_at"),
				List.of(mentions), snapshot == null ? null : json.readValue(snapshot, DiscussionSnapshot.class),
				instant(rs, "edited_at"), instant(rs, "published_at"), rs.getInt("version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}
}
