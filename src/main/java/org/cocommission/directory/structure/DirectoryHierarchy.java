package org.cocommission.directory.structure;

import java.time.LocalDate;

import org.cocommission.identity.OrganisationHierarchy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells identity which organisations sit under which, walking the dated relationships upwards. */
@Component
public class DirectoryHierarchy implements OrganisationHierarchy {

	private final JdbcClient jdbc;

	DirectoryHierarchy(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean isWithin(String code, String ancestorCode, LocalDate date) {
		if (code.equals(ancestorCode)) {
			return true;
		}
		// An organisation with no parent on the day (a CCG closed by a merger, a closed practice) is placed as on its
		// last day in the structure: its area team keeps sight of its records (docs/domain-rules.md, "Access").
		return jdbc.sql("""
				with recursive placed (day) as (
				    select case when exists (select 1 from directory_relationship
				                             where child_code = :code and valid_on(valid_from, valid_to, :date))
				                then cast(:date as date)
				                else coalesce((select max(valid_to) from directory_relationship
				                               where child_code = :code and valid_to < :date), cast(:date as date))
				           end
				),
				up (code, depth) as (
				    select cast(:code as varchar), 0
				    union
				    select r.parent_code, up.depth + 1
				    from directory_relationship r join up on r.child_code = up.code
				    where valid_on(r.valid_from, r.valid_to, (select day from placed))
				      and up.depth < 6
				)
				select exists (select 1 from up where code = :ancestor)
				""")
			.param("code", code)
			.param("ancestor", ancestorCode)
			.param("date", date)
			.query(Boolean.class)
			.single();
	}

	@Override
	public java.util.Optional<String> typeOf(String code) {
		return jdbc.sql("select type from directory_organisation where code = ?").param(code).query(String.class).optional();
	}

	@Override
	public boolean exists(String code) {
		return jdbc.sql("select exists (select 1 from directory_organisation where code = ?)")
			.param(code)
			.query(Boolean.class)
			.single();
	}
}
