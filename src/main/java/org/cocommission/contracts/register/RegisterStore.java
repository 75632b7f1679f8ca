package org.cocommission.contracts.register;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.cocommission.contracts.Contract;
import org.cocommission.contracts.ContractType;
import org.cocommission.contracts.ContractorKind;
import org.cocommission.platform.FinancialYear;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The register's tables: contracts, their append-only history and their partners or directors. */
@Component
public class RegisterStore {

	private static final String COLUMNS = "practice_code, contract_type, contractor_kind, start_date, end_date,"
			+ " essential, additional, enhanced, list_size, dispensing, premises, type_from_year, version";

	private final JdbcClient jdbc;

	RegisterStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A contract as stored. */
	public record Row(String practiceCode, ContractType contractType, ContractorKind contractorKind,
			LocalDate startDate, LocalDate endDate, boolean essential, boolean additional, boolean enhanced,
			Integer listSize, boolean dispensing, String premises, Integer typeFromYear, int version) {
	}

	public Optional<Row> find(String practiceCode) {
		return jdbc.sql("select " + COLUMNS + " from contracts_contract where practice_code = ?")
			.param(practiceCode)
			.query(Row.class)
			.optional();
	}

	/**
	 * Contracts matching the filter among {@code practices} (null: every practice), by practice code. {@code endBy}
	 * keeps contracts with an end date on or before it.
	 */
	public List<Row> search(Collection<String> practices, ContractType type, LocalDate endBy, String codePrefix,
			int limit, long offset) {
		return filter("select " + COLUMNS + " from contracts_contract", practices, type, endBy, codePrefix,
				" order by practice_code limit " + limit + " offset " + offset)
			.query(Row.class)
			.list();
	}

	public long count(Collection<String> practices, ContractType type, LocalDate endBy, String codePrefix) {
		return filter("select count(*) from contracts_contract", practices, type, endBy, codePrefix, "").query(Long.class)
			.single();
	}

	private JdbcClient.StatementSpec filter(String select, Collection<String> practices, ContractType type,
			LocalDate endBy, String codePrefix, String order) {
		StringBuilder sql = new StringBuilder(select).append(" where true");
		if (practices != null) {
			sql.append(" and practice_code = any(:practices)");
		}
		sql.append(" and (cast(:type as varchar) is null or contract_type = :type)")
			.append(" and (cast(:endBy as date) is null or end_date <= :endBy)")
			.append(" and (cast(:code as varchar) is null or practice_code like :code)")
			.append(order);
		var spec = jdbc.sql(sql.toString())
			.param("type", type == null ? null : type.name())
			.param("endBy", endBy)
			.param("code", codePrefix == null ? null : codePrefix.replace("%", "").replace("_", "") + "%");
		if (practices != null) {
			spec = spec.param("practices", practices.toArray(String[]::new));
		}
		return spec;
	}

	public List<Contract.HistoryEntry> history(String practiceCode) {
		return jdbc.sql("select id, effective_from, recorded_at, recorded_by, change, contract_type, contractor_kind,"
				+ " start_date, end_date, list_size, dispensing from contracts_contract_history where practice_code = ?"
				+ " order by effective_from desc nulls last, id desc")
			.param(practiceCode)
			.query((rs, n) -> new Contract.HistoryEntry(rs.getLong("id"), rs.getObject("effective_from", LocalDate.class),
					rs.getObject("recorded_at", Timestamp.class) == null ? null : rs.getTimestamp("recorded_at").toInstant(),
					rs.getString("recorded_by"), rs.getString("change"), ContractType.valueOf(rs.getString("contract_type")),
					ContractorKind.valueOf(rs.getString("contractor_kind")), rs.getObject("start_date", LocalDate.class),
					rs.getObject("end_date", LocalDate.class), (Integer) rs.getObject("list_size"),
					rs.getBoolean("dispensing")))
			.list();
	}

	public List<Contract.Party> parties(String practiceCode) {
		return jdbc.sql("select id, name, role, person_id, valid_from, valid_to from contracts_party"
				+ " where practice_code = ? order by (valid_to is null) desc, role, name")
			.param(practiceCode)
			.query(Contract.Party.class)
			.list();
	}

	/** The register's type for a published type, and its label, in SQL (as {@link ContractType#ofPublished}). */
	private static final String TYPE = "case upper(trim(contract_type)) when 'GMS' then 'GMS' when 'PMS' then 'PMS'"
			+ " when 'APMS' then 'APMS' else 'OTHER' end";

	private static String label(String column) {
		return "(case " + column + " when 'OTHER' then 'Other or unknown' else " + column + " end)";
	}

	/**
	 * Takes each practice's contract type, dispensing status and list size from a year's payments, as just stored: a
	 * practice new to the register gets a contract; one whose type changed since an older file gets the new type from
	 * the first day of that year, recorded in its history. A file older than the one the type came from changes
	 * nothing. Set-based, in the database: a national year is 8,000 practices.
	 */
	public Adopted adoptFromPayments(FinancialYear year, String actor) {
		String incoming = "with incoming as (select practice_code, " + TYPE + " as type,"
				+ " cast(round(registered_patients) as integer) as list_size, dispensing"
				+ " from contracts_payment where year_start = :year)";
		String source = "NHS Payments to General Practice " + year;
		int registered = jdbc.sql(incoming + """
				, inserted as (
				    insert into contracts_contract (practice_code, contract_type, list_size, dispensing, type_from_year)
				    select practice_code, type, list_size, dispensing, :year from incoming i
				    where not exists (select 1 from contracts_contract c where c.practice_code = i.practice_code)
				    returning practice_code, contract_type, list_size, dispensing
				)
				insert into contracts_contract_history (practice_code, effective_from, recorded_by, change, contract_type,
				    contractor_kind, list_size, dispensing)
				select practice_code, :first, :actor, 'Registered from ' || :source || ' as ' || %s, contract_type,
				    'UNKNOWN', list_size, dispensing
				from inserted
				""".formatted(label("contract_type")))
			.param("year", year.startYear())
			.param("first", year.firstDay())
			.param("actor", actor)
			.param("source", source)
			.update();
		int updated = jdbc.sql(incoming + """
				, changed as (
				    select c.practice_code, c.contract_type as old_type, i.type, c.dispensing as old_dispensing,
				           i.dispensing, i.list_size, c.contractor_kind, c.start_date, c.end_date
				    from contracts_contract c join incoming i on i.practice_code = c.practice_code
				    where (c.type_from_year is null or c.type_from_year <= :year)
				      and (c.contract_type <> i.type or c.dispensing <> i.dispensing
				           or c.list_size is distinct from i.list_size)
				),
				history as (
				    insert into contracts_contract_history (practice_code, effective_from, recorded_by, change,
				        contract_type, contractor_kind, start_date, end_date, list_size, dispensing)
				    select practice_code, :first, :actor,
				           case when old_type <> type then 'Contract type ' || %s || ' to ' || %s
				                else 'Dispensing ' || case when dispensing then 'started' else 'stopped' end end
				           || ' (' || :source || ')',
				           type, contractor_kind, start_date, end_date, list_size, dispensing
				    from changed where old_type <> type or old_dispensing <> dispensing
				)
				update contracts_contract c set contract_type = ch.type, list_size = ch.list_size,
				    dispensing = ch.dispensing, type_from_year = :year, version = c.version + 1, updated_at = now()
				from changed ch where c.practice_code = ch.practice_code
				""".formatted(label("old_type"), label("type")))
			.param("year", year.startYear())
			.param("first", year.firstDay())
			.param("actor", actor)
			.param("source", source)
			.update();
		return new Adopted(registered, updated);
	}

	public record Adopted(int registered, int updated) {
	}

	/** Saves a change to a contract if {@code version} is still current; false when someone changed it first. */
	public boolean update(Row changed, int version) {
		return jdbc.sql("update contracts_contract set contract_type = :type, contractor_kind = :kind,"
				+ " start_date = :start, end_date = :end, essential = :essential, additional = :additional,"
				+ " enhanced = :enhanced, list_size = :listSize, dispensing = :dispensing, premises = :premises,"
				+ " version = version + 1, updated_at = now() where practice_code = :code and version = :version")
			.param("type", changed.contractType().name())
			.param("kind", changed.contractorKind().name())
			.param("start", changed.startDate())
			.param("end", changed.endDate())
			.param("essential", changed.essential())
			.param("additional", changed.additional())
			.param("enhanced", changed.enhanced())
			.param("listSize", changed.listSize())
			.param("dispensing", changed.dispensing())
			.param("premises", changed.premises())
			.param("code", changed.practiceCode())
			.param("version", version)
			.update() == 1;
	}

	public void insert(Row contract) {
		jdbc.sql("insert into contracts_contract (practice_code, contract_type, contractor_kind, start_date, end_date,"
				+ " essential, additional, enhanced, list_size, dispensing, premises) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(contract.practiceCode(), contract.contractType().name(), contract.contractorKind().name(),
					contract.startDate(), contract.endDate(), contract.essential(), contract.additional(),
					contract.enhanced(), contract.listSize(), contract.dispensing(), contract.premises())
			.update();
	}

	public void recordHistory(Row after, LocalDate effectiveFrom, String actor, String change) {
		jdbc.sql("insert into contracts_contract_history (practice_code, effective_from, recorded_by, change,"
				+ " contract_type, contractor_kind, start_date, end_date, list_size, dispensing)"
				+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(after.practiceCode(), effectiveFrom, actor, change, after.contractType().name(),
					after.contractorKind().name(), after.startDate(), after.endDate(), after.listSize(),
					after.dispensing())
			.update();
	}

	public void addParty(String practiceCode, String name, String role, Long personId, LocalDate from) {
		jdbc.sql("insert into contracts_party (practice_code, name, role, person_id, valid_from) values (?, ?, ?, ?, ?)")
			.params(practiceCode, name, role, personId, from)
			.update();
	}

	/** Ends a contract on {@code lastDay} (kept if it already ends sooner) and records why, effective that day. */
	public void end(String practiceCode, LocalDate lastDay, String actor, String change) {
		jdbc.sql("update contracts_contract set end_date = least(coalesce(end_date, :day), :day), version = version + 1,"
				+ " updated_at = now() where practice_code = :code")
			.param("day", lastDay)
			.param("code", practiceCode)
			.update();
		find(practiceCode).ifPresent(after -> recordHistory(after, lastDay, actor, change));
	}

	/** Sets the list size from a date (a merger's combined list) and records why. */
	public void combineList(String practiceCode, int listSize, LocalDate from, String actor, String change) {
		jdbc.sql("update contracts_contract set list_size = ?, version = version + 1, updated_at = now()"
				+ " where practice_code = ?")
			.params(listSize, practiceCode)
			.update();
		find(practiceCode).ifPresent(after -> recordHistory(after, from, actor, change));
	}

	/** Records a change in the history without changing the recorded details (a variation's effect). */
	public void note(String practiceCode, LocalDate from, String actor, String change) {
		find(practiceCode).ifPresent(current -> recordHistory(current, from, actor, change));
	}
}
