package org.cocommission.directory.imports;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.cocommission.audit.AuditEntry;
import org.cocommission.directory.OrganisationType;
import org.cocommission.directory.TypePeriod;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the importers share: placeholder organisations for codes a file names before their own file arrives, and
 * the dated types of CCG-level organisations.
 */
@Component
public class StructureWrites {

	/** For batches of inserts, which JdbcClient does not do. */
	private final JdbcTemplate jdbc;

	private final JdbcClient queries;

	private final JsonMapper json;

	StructureWrites(JdbcTemplate jdbc, JdbcClient queries, JsonMapper json) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.json = json;
	}

	/** Creates each placeholder, known by its code, of its type; completed when its own file is imported. */
	void createPlaceholders(Map<String, OrganisationType> placeholders, long importId, List<AuditEntry> auditEntries) {
		List<Object[]> inserts = new ArrayList<>();
		List<Object[]> revisions = new ArrayList<>();
		placeholders.forEach((code, type) -> {
			inserts.add(new Object[] { code, type.name(), code });
			Placeholder state = new Placeholder(code, true, type);
			revisions.add(new Object[] { code, importId, "CREATED", json.writeValueAsString(state) });
			auditEntries.add(new AuditEntry("PLACEHOLDER_CREATED", "ORGANISATION", code, code, null, state));
		});
		jdbc.batchUpdate("insert into directory_organisation (code, type, name, placeholder) values (?, ?, ?, true)",
				inserts);
		jdbc.batchUpdate("insert into directory_organisation_revision (code, import_id, change, attributes)"
				+ " values (?, ?, ?, cast(? as jsonb))", revisions);
	}

	/** Every organisation's dated types, by code. */
	Map<String, List<TypePeriod>> typePeriods() {
		Map<String, List<TypePeriod>> periods = new HashMap<>();
		queries.sql("select code, type, valid_from, valid_to from directory_organisation_type_period"
				+ " order by code, valid_from nulls first")
			.query(StoredPeriod.class)
			.list()
			.forEach(row -> periods.computeIfAbsent(row.code(), key -> new ArrayList<>())
				.add(new TypePeriod(row.type(), row.validFrom(), row.validTo())));
		return periods;
	}

	/** Replaces the dated types of these organisations; returns how many organisations' types changed. */
	int replaceTypePeriods(Map<String, List<TypePeriod>> wanted, Map<String, List<TypePeriod>> stored) {
		List<Object[]> deletes = new ArrayList<>();
		List<Object[]> inserts = new ArrayList<>();
		wanted.forEach((code, periods) -> {
			if (periods.equals(stored.getOrDefault(code, List.of()))) {
				return;
			}
			deletes.add(new Object[] { code });
			periods.forEach(period -> inserts.add(new Object[] { code, period.type().name(),
					sqlDate(period.validFrom()), sqlDate(period.validTo()) }));
		});
		jdbc.batchUpdate("delete from directory_organisation_type_period where code = ?", deletes);
		jdbc.batchUpdate("insert into directory_organisation_type_period (code, type, valid_from, valid_to)"
				+ " values (?, ?, ?, ?)", inserts);
		return deletes.size();
	}

	static Date sqlDate(LocalDate date) {
		return date == null ? null : Date.valueOf(date);
	}

	private record StoredPeriod(String code, OrganisationType type, LocalDate validFrom, LocalDate validTo) {
	}

	/** A placeholder as its revision and the audit trail record it: named by its code, of its type. */
	record Placeholder(String name, boolean placeholder, OrganisationType type) {
	}
}
