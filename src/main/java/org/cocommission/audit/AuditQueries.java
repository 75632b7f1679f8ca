package org.cocommission.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import de.siegmar.fastcsv.writer.CsvWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.CurrentUser;
import org.cocommission.platform.PageOf;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the trail, scoped to what the signed-in user may see: national users see every entry; anyone else sees
 * one organisation in their scope at a time, their own unless they ask for another. The trail is never changed here
 * or anywhere else: there is no update or delete path, and the database refuses one.
 */
@Service
@Transactional(readOnly = true)
public class AuditQueries {

	public static final int MAX_PAGE_SIZE = 200;

	private static final String COLUMNS = "id, occurred_at, actor, action, entity_type, entity_id, organisation_code,"
			+ " before_state::text as before_state, after_state::text as after_state";

	private static final String[] CSV_HEADER = { "id", "occurred_at", "actor", "action", "entity_type", "entity_id",
			"organisation_code", "before", "after" };

	private final JdbcClient jdbc;

	/** Fetches in batches inside the transaction, so that an export of the whole trail streams, not loads. */
	private final JdbcClient streaming;

	private final JsonMapper json;

	private final AccessPolicy policy;

	private final Clock clock;

	AuditQueries(JdbcClient jdbc, DataSource dataSource, JsonMapper json, AccessPolicy policy, Clock clock) {
		this.jdbc = jdbc;
		var template = new JdbcTemplate(dataSource);
		template.setFetchSize(500);
		this.streaming = JdbcClient.create(template);
		this.json = json;
		this.policy = policy;
		this.clock = clock;
	}

	/**
	 * The filter as it will be applied for the signed-in user: unchanged for national users; for anyone else
	 * limited to their own organisation when none is asked for, and refused (403) for one outside their scope.
	 */
	public AuditFilter scoped(AuditFilter filter) {
		CurrentUser user = policy.requireUser();
		if (user.isNational()) {
			return filter;
		}
		if (filter.organisationCode() == null) {
			return filter.withOrganisation(user.organisationCode());
		}
		policy.checkCanSee(filter.organisationCode());
		return filter;
	}

	public PageOf<AuditEvent> search(AuditFilter filter, int page, int size) {
		if (page < 0) {
			throw new IllegalArgumentException("The page number must be 0 or more");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new IllegalArgumentException("The page size must be between 1 and " + MAX_PAGE_SIZE);
		}
		Where where = where(scoped(filter));
		long total = jdbc.sql("select count(*) from audit_event" + where.sql())
			.params(where.params())
			.query(Long.class)
			.single();
		List<AuditEvent> items = jdbc
			.sql("select " + COLUMNS + " from audit_event" + where.sql()
					+ " order by occurred_at desc, id desc limit :limit offset :offset")
			.params(where.params())
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(Row.class)
			.list()
			.stream()
			.map(this::event)
			.toList();
		return new PageOf<>(items, page, size, total);
	}

	/** Writes every matching entry, newest first, as CSV with a header row; before and after as JSON text. */
	public void exportCsv(AuditFilter filter, Writer out) {
		Where where = where(scoped(filter));
		CsvWriter csv = CsvWriter.builder().build(out);
		csv.writeRecord(CSV_HEADER);
		try (Stream<Row> rows = streaming
			.sql("select " + COLUMNS + " from audit_event" + where.sql() + " order by occurred_at desc, id desc")
			.params(where.params())
			.query(Row.class)
			.stream()) {
			rows.forEach(row -> csv.writeRecord(String.valueOf(row.id()), row.occurredAt().toInstant().toString(),
					row.actor(), row.action(), row.entityType(), row.entityId(), nullToEmpty(row.organisationCode()),
					nullToEmpty(row.beforeState()), nullToEmpty(row.afterState())));
		}
		try {
			csv.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Where where(AuditFilter filter) {
		List<String> conditions = new ArrayList<>();
		Map<String, Object> params = new LinkedHashMap<>();
		if (filter.organisationCode() != null) {
			conditions.add("organisation_code = :organisation");
			params.put("organisation", filter.organisationCode());
		}
		if (filter.actor() != null) {
			conditions.add("actor = :actor");
			params.put("actor", filter.actor());
		}
		if (filter.entityType() != null) {
			conditions.add("entity_type = :entityType");
			params.put("entityType", filter.entityType());
		}
		if (filter.action() != null) {
			conditions.add("action = :action");
			params.put("action", filter.action());
		}
		// Days are the user's days: from midnight at the start of 'from' to midnight at the end of 'to'.
		if (filter.from() != null) {
			conditions.add("occurred_at >= :from");
			params.put("from", filter.from().atStartOfDay(clock.getZone()).toOffsetDateTime());
		}
		if (filter.to() != null) {
			conditions.add("occurred_at < :to");
			params.put("to", filter.to().plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime());
		}
		return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), params);
	}

	private AuditEvent event(Row row) {
		return new AuditEvent(row.id(), row.occurredAt().toInstant(), row.actor(), row.action(), row.entityType(),
				row.entityId(), row.organisationCode(), tree(row.beforeState()), tree(row.afterState()));
	}

	private JsonNode tree(String state) {
		return state == null ? null : json.readTree(state);
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}

	/** An entry as stored, with its states as JSON text. */
	private record Row(long id, OffsetDateTime occurredAt, String actor, String action, String entityType,
			String entityId, String organisationCode, String beforeState, String afterState) {
	}

	private record Where(String sql, Map<String, Object> params) {
	}
}
