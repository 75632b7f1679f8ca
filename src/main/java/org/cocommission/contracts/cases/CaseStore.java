package org.cocommission.contracts.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.cocommission.contracts.CaseKind;
import org.cocommission.contracts.CaseStatus;
import org.cocommission.contracts.ContractCase;
import org.cocommission.contracts.ContractDecision;
import org.cocommission.contracts.NewCase;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The cases' tables: the case, its append-only events and its documents. */
@Component
public class CaseStore {

	private static final String COLUMNS = "id, practice_code, kind, status, title, received_on, owner,"
			+ " other_practice_code, starts_on, ends_on, remedy_by, circumstances_changed, details, acknowledge_by,"
			+ " decide_by, acknowledged_on, decided_on, decision, decided_by, deciding_org, meeting_id, item_id, version";

	private final JdbcClient jdbc;

	CaseStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(String practiceCode, NewCase request, String owner, LocalDate acknowledgeBy, LocalDate decideBy) {
		return jdbc.sql("insert into contracts_case (practice_code, kind, status, title, received_on, owner,"
				+ " other_practice_code, starts_on, ends_on, remedy_by, circumstances_changed, details, acknowledge_by,"
				+ " decide_by) values (:practice, :kind, 'RECEIVED', :title, :received, :owner, :other, :starts, :ends,"
				+ " :remedy, :changed, :details, :ackBy, :decideBy) returning id")
			.param("practice", practiceCode)
			.param("kind", request.kind().name())
			.param("title", request.title().trim())
			.param("received", request.receivedOn())
			.param("owner", owner)
			.param("other", blank(request.otherPracticeCode()) ? null : request.otherPracticeCode().trim().toUpperCase())
			.param("starts", request.startsOn())
			.param("ends", request.endsOn())
			.param("remedy", request.remedyBy())
			.param("changed", request.changedCircumstances())
			.param("details", blank(request.details()) ? null : request.details().trim())
			.param("ackBy", acknowledgeBy)
			.param("decideBy", decideBy)
			.query(Long.class)
			.single();
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	public Optional<ContractCase> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from contracts_case where id = ?")
			.param(id)
			.query((rs, n) -> row(rs, true))
			.optional();
	}

	public Optional<ContractCase> findByItem(long itemId) {
		return jdbc.sql("select " + COLUMNS + " from contracts_case where item_id = ?")
			.param(itemId)
			.query((rs, n) -> row(rs, false))
			.optional();
	}

	/** The practice's cases, open first, newest first. */
	public List<ContractCase> ofPractice(String practiceCode) {
		return jdbc.sql("select " + COLUMNS + " from contracts_case where practice_code = ? or other_practice_code = ?"
				+ " order by status in ('RECEIVED', 'ACKNOWLEDGED', 'ON_AGENDA') desc, received_on desc, id desc")
			.params(practiceCode, practiceCode)
			.query((rs, n) -> row(rs, false))
			.list();
	}

	/** Open cases among these practices (null: all), the most pressing first. */
	public List<ContractCase> open(Collection<String> practices) {
		return jdbc.sql("select " + COLUMNS + " from contracts_case where status in ('RECEIVED', 'ACKNOWLEDGED', 'ON_AGENDA')"
				+ (practices == null ? "" : " and practice_code = any(:practices)")
				+ " order by coalesce(decide_by, acknowledge_by) nulls last, id")
			.params(practices == null ? java.util.Map.<String, Object>of()
					: java.util.Map.<String, Object>of("practices", practices.toArray(String[]::new)))
			.query((rs, n) -> row(rs, false))
			.list();
	}

	/** The last refusal of a list closure for the practice, if any. */
	public Optional<LocalDate> lastClosureRefusal(String practiceCode) {
		return jdbc.sql("select max(decided_on) from contracts_case where practice_code = ? and kind = 'LIST_CLOSURE'"
				+ " and status = 'REFUSED'")
			.param(practiceCode)
			.query(LocalDate.class)
			.optional();
	}

	/** Moves the case if it is still at {@code version}; false when someone moved it first. */
	public boolean move(long id, int version, CaseStatus to, String setClause, java.util.Map<String, Object> params) {
		var spec = jdbc.sql("update contracts_case set status = :to, version = version + 1"
				+ (setClause.isEmpty() ? "" : ", " + setClause) + " where id = :id and version = :version")
			.param("to", to.name())
			.param("id", id)
			.param("version", version);
		for (var entry : params.entrySet()) {
			spec = spec.param(entry.getKey(), entry.getValue());
		}
		return spec.update() == 1;
	}

	public void event(long caseId, String actor, CaseStatus from, CaseStatus to, String note) {
		jdbc.sql("insert into contracts_case_event (case_id, actor, status_from, status_to, note) values (?, ?, ?, ?, ?)")
			.params(caseId, actor, from == null ? null : from.name(), to.name(), note)
			.update();
	}

	public long addDocument(long caseId, String fileName, String contentType, byte[] content, String actor) {
		return jdbc.sql("insert into contracts_case_document (case_id, file_name, content_type, size_bytes, content,"
				+ " uploaded_by) values (?, ?, ?, ?, ?, ?) returning id")
			.params(caseId, fileName, contentType, content.length, content, actor)
			.query(Long.class)
			.single();
	}

	public record StoredDocument(long caseId, String fileName, String contentType, byte[] content) {
	}

	public Optional<StoredDocument> document(long documentId) {
		return jdbc.sql("select case_id, file_name, content_type, content from contracts_case_document where id = ?")
			.param(documentId)
			.query(StoredDocument.class)
			.optional();
	}

	/** Decided cases, newest first, for the public register. */
	public List<ContractDecision> decisions(int limit) {
		return jdbc.sql("select id as case_id, practice_code, null as practice_name, kind, title, status as outcome,"
				+ " decided_on, decision, decided_by from contracts_case where status in ('APPROVED', 'REFUSED')"
				+ " and kind not in ('REMEDIAL_NOTICE', 'BREACH_NOTICE')"
				+ " order by decided_on desc, id desc limit ?")
			.param(limit)
			.query(ContractDecision.class)
			.list();
	}

	/** Whether a reminder was already sent, recording it if not: true the first time only. */
	public boolean firstReminder(long caseId, String clock, String kind) {
		return jdbc.sql("insert into contracts_case_reminder (case_id, clock, kind) values (?, ?, ?) on conflict do nothing")
			.params(caseId, clock, kind)
			.update() == 1;
	}

	private ContractCase row(ResultSet rs, boolean full) throws SQLException {
		long id = rs.getLong("id");
		return new ContractCase(id, rs.getString("practice_code"), CaseKind.valueOf(rs.getString("kind")),
				CaseStatus.valueOf(rs.getString("status")), rs.getString("title"), date(rs, "received_on"),
				rs.getString("owner"), rs.getString("other_practice_code"), date(rs, "starts_on"), date(rs, "ends_on"),
				date(rs, "remedy_by"), rs.getBoolean("circumstances_changed"), rs.getString("details"),
				date(rs, "acknowledge_by"), date(rs, "decide_by"), date(rs, "acknowledged_on"), date(rs, "decided_on"),
				rs.getString("decision"), rs.getString("decided_by"), rs.getString("deciding_org"),
				(Long) rs.getObject("meeting_id"), (Long) rs.getObject("item_id"), rs.getInt("version"),
				full ? events(id) : List.of(), full ? documents(id) : List.of());
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, LocalDate.class);
	}

	private List<ContractCase.Event> events(long caseId) {
		return jdbc.sql("select id, at, actor, status_from, status_to, note from contracts_case_event where case_id = ?"
				+ " order by id")
			.param(caseId)
			.query((rs, n) -> new ContractCase.Event(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
					rs.getString("actor"), rs.getString("status_from") == null ? null
							: CaseStatus.valueOf(rs.getString("status_from")),
					CaseStatus.valueOf(rs.getString("status_to")), rs.getString("note")))
			.list();
	}

	private List<ContractCase.Document> documents(long caseId) {
		return jdbc.sql("select id, file_name, content_type, size_bytes, uploaded_by, uploaded_at"
				+ " from contracts_case_document where case_id = ? order by id")
			.param(caseId)
			.query((rs, n) -> new ContractCase.Document(rs.getLong("id"), rs.getString("file_name"),
					rs.getString("content_type"), rs.getInt("size_bytes"), rs.getString("uploaded_by"),
					rs.getTimestamp("uploaded_at").toInstant()))
			.list();
	}
}
