package org.cocommission.directory;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registered list sizes of every CCG at one extract, summed over the practices that belonged to it on the extract
 * date (for per-head payments such as the quality premium).
 */
@Service
@Transactional(readOnly = true)
public class CcgListSizes {

	/** The extract used and each CCG's registered patients then, by CCG code in code order. */
	public record AtExtract(LocalDate extractDate, Map<String, Long> patients, Map<String, String> names) {

		public AtExtract {
			patients = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(patients));
			names = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(names));
		}
	}

	private final JdbcClient jdbc;

	CcgListSizes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The code of every CCG in the directory, open or closed, in one query (to check codes in bulk). */
	public java.util.Set<String> ccgCodes() {
		return new java.util.TreeSet<>(jdbc.sql("select code from directory_organisation where type = 'CCG'")
			.query(String.class)
			.list());
	}

	/** The latest extract on or before {@code date}, or failing that the earliest extract after it. */
	public Optional<LocalDate> extractFor(LocalDate date) {
		List<LocalDate> before = jdbc.sql("select max(extract_date) from directory_registered_patients"
				+ " where sex = 'ALL' and age_band = 'ALL' and extract_date <= ?")
			.param(date)
			.query(LocalDate.class)
			.list();
		if (!before.isEmpty() && before.get(0) != null) {
			return Optional.of(before.get(0));
		}
		return jdbc.sql("select min(extract_date) from directory_registered_patients where sex = 'ALL' and age_band = 'ALL'")
			.query(LocalDate.class)
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.findFirst();
	}

	/** Every CCG with patients at the extract, with practice membership as at the extract date. */
	public AtExtract at(LocalDate extract) {
		Map<String, Long> patients = new LinkedHashMap<>();
		Map<String, String> names = new LinkedHashMap<>();
		jdbc.sql("""
				with membership as (
				    -- the one rule for a membership on a day (docs/domain-rules.md)
				    select l.child_code as practice_code, l.parent_code as ccg_code
				    from directory_links_on(:date) l where l.parent_type = 'CCG'
				)
				select m.ccg_code, c.name, sum(p.patients) as patients
				from directory_registered_patients p
				join membership m on m.practice_code = p.practice_code
				join directory_organisation c on c.code = m.ccg_code
				where p.extract_date = :date and p.sex = 'ALL' and p.age_band = 'ALL'
				group by m.ccg_code, c.name
				order by m.ccg_code
				""")
			.param("date", extract)
			.query(CcgTotal.class)
			.list()
			.forEach(ccg -> {
				patients.put(ccg.ccgCode(), ccg.patients());
				names.put(ccg.ccgCode(), ccg.name());
			});
		return new AtExtract(extract, patients, names);
	}

	private record CcgTotal(String ccgCode, String name, long patients) {
	}
}
