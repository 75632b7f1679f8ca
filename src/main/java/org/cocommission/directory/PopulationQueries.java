package org.cocommission.directory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registered populations by 5-year age band and sex for other modules (finance's weighted capitation): per CCG, with
 * practice membership as at the extract date, and per practice.
 */
@Service
@Transactional(readOnly = true)
public class PopulationQueries {

	/** The age band codes, youngest first: {@code 0_4} .. {@code 90+}. */
	public static final List<String> AGE_BANDS = AgeBand.ALL.stream().map(AgeBand::code).toList();

	/** Patients by band (keyed by {@link #AGE_BANDS}) and sex; a band with no patients is 0. */
	public record BandCounts(Map<String, Long> male, Map<String, Long> female) {

		public BandCounts {
			male = Map.copyOf(male);
			female = Map.copyOf(female);
		}

		public long total() {
			return male.values().stream().mapToLong(Long::longValue).sum()
					+ female.values().stream().mapToLong(Long::longValue).sum();
		}
	}

	public record CcgPopulation(String ccgCode, String ccgName, BandCounts counts) {

		public long total() {
			return counts.total();
		}
	}

	public record PracticePopulation(String practiceCode, String practiceName, String ccgCode, BandCounts counts) {

		public long total() {
			return counts.total();
		}
	}

	/** A CCG as a choice in a list. */
	public record CcgRef(String code, String name) {
	}

	private final JdbcClient jdbc;

	PopulationQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every CCG in the directory, by code. */
	public List<CcgRef> ccgs() {
		return jdbc.sql("select code, name from directory_organisation where type = 'CCG' order by code")
			.query(CcgRef.class)
			.list();
	}

	/** Extracts that hold lists by band and sex, oldest first. */
	public List<LocalDate> extractDates() {
		return jdbc.sql("select distinct extract_date from directory_registered_patients"
				+ " where sex in ('MALE', 'FEMALE') and age_band <> 'ALL' order by extract_date")
			.query(LocalDate.class)
			.list();
	}

	/** Every CCG with registered patients at the extract, summed over the practices that belonged to it that day. */
	public List<CcgPopulation> ccgPopulations(LocalDate extract) {
		return ccgPopulations(extract, extract);
	}

	/**
	 * Every CCG with registered patients at the extract, summed over the practices that belonged to it on
	 * {@code membershipDay} (the organisations of another date's structure); a practice in no CCG that day is left out.
	 */
	public List<CcgPopulation> ccgPopulations(LocalDate extract, LocalDate membershipDay) {
		Map<String, String> names = new LinkedHashMap<>();
		Map<String, Accumulator> counts = new LinkedHashMap<>();
		// Sum by CCG first and name the CCGs after: grouping 300,000 rows by name as well made PostgreSQL sort on disk.
		jdbc.sql(MEMBERSHIP + """
				, sums as (
				    select m.ccg_code, p.sex, p.age_band, sum(p.patients) as patients
				    from directory_registered_patients p
				    join membership m on m.practice_code = p.practice_code
				    where p.extract_date = :date and p.sex in ('MALE', 'FEMALE') and p.age_band <> 'ALL'
				    group by m.ccg_code, p.sex, p.age_band
				)
				select s.ccg_code, c.name as ccg_name, s.sex, s.age_band, s.patients
				from sums s
				join directory_organisation c on c.code = s.ccg_code
				order by s.ccg_code
				""")
			.param("date", extract)
			.param("day", membershipDay)
			.query(CcgBand.class)
			.list()
			.forEach(row -> {
				names.putIfAbsent(row.ccgCode(), row.ccgName());
				counts.computeIfAbsent(row.ccgCode(), key -> new Accumulator()).add(row.sex(), row.ageBand(), row.patients());
			});
		List<CcgPopulation> result = new ArrayList<>();
		counts.forEach((code, accumulator) -> result.add(new CcgPopulation(code, names.get(code), accumulator.counts())));
		return result;
	}

	/** Every practice with registered patients at the extract, with its CCG that day (null if none); optionally one CCG's. */
	public List<PracticePopulation> practicePopulations(LocalDate extract, String ccgCode) {
		Map<String, String[]> practices = new LinkedHashMap<>();
		Map<String, Accumulator> counts = new LinkedHashMap<>();
		jdbc.sql(MEMBERSHIP + """
				select p.practice_code, o.name as practice_name, m.ccg_code, p.sex, p.age_band, p.patients
				from directory_registered_patients p
				join directory_organisation o on o.code = p.practice_code
				left join membership m on m.practice_code = p.practice_code
				where p.extract_date = :date and p.sex in ('MALE', 'FEMALE') and p.age_band <> 'ALL'
				  and (cast(:ccg as varchar) is null or m.ccg_code = :ccg)
				order by p.practice_code
				""")
			.param("date", extract)
			.param("day", extract)
			.param("ccg", ccgCode)
			.query(PracticeBand.class)
			.list()
			.forEach(row -> {
				practices.putIfAbsent(row.practiceCode(), new String[] { row.practiceName(), row.ccgCode() });
				counts.computeIfAbsent(row.practiceCode(), key -> new Accumulator())
					.add(row.sex(), row.ageBand(), row.patients());
			});
		List<PracticePopulation> result = new ArrayList<>();
		counts.forEach((code, accumulator) -> result
			.add(new PracticePopulation(code, practices.get(code)[0], practices.get(code)[1], accumulator.counts())));
		return result;
	}

	/** Each practice's CCG on the date; where links overlap, the one that started last. */
	private static final String MEMBERSHIP = """
			with membership as (
			    -- the one rule for a membership on a day (docs/domain-rules.md)
			    select l.child_code as practice_code, l.parent_code as ccg_code
			    from directory_links_on(:day) l where l.parent_type = 'CCG'
			)
			""";

	/** Patients of one sex and band in a CCG. */
	private record CcgBand(String ccgCode, String ccgName, String sex, String ageBand, long patients) {
	}

	/** Patients of one sex and band at a practice, with its CCG on the day (null if none). */
	private record PracticeBand(String practiceCode, String practiceName, String ccgCode, String sex, String ageBand,
			long patients) {
	}

	private static final class Accumulator {

		private final Map<String, Long> male = zeros();

		private final Map<String, Long> female = zeros();

		void add(String sex, String ageBand, long patients) {
			Map<String, Long> target = "MALE".equals(sex) ? male : female;
			target.merge(ageBand, patients, Long::sum);
		}

		BandCounts counts() {
			return new BandCounts(male, female);
		}

		private static Map<String, Long> zeros() {
			Map<String, Long> map = new LinkedHashMap<>();
			AGE_BANDS.forEach(band -> map.put(band, 0L));
			return map;
		}
	}

	/** A practice's registered patients at an extract: all ages, and aged 0-14, 65 and over and 85 and over. */
	public record PracticeAgeProfile(String practiceCode, String ccgCode, long total, long aged0To14, long aged65Plus,
			long aged85Plus) {
	}

	/**
	 * Every practice with patients registered by age at the extract, with its CCG that day (null if none), summed in
	 * the database: one row per practice where {@link #practicePopulations} reads one per band and sex.
	 */
	public List<PracticeAgeProfile> practiceAgeProfiles(LocalDate extract) {
		// Summed per practice before the joins: grouping the joined rows sorted 300,000 of them on disk.
		return jdbc.sql(MEMBERSHIP + """
				, sums as (
				    select p.practice_code, sum(p.patients) as total,
				           coalesce(sum(p.patients) filter (where p.age_band in (:young)), 0) as young,
				           coalesce(sum(p.patients) filter (where p.age_band in (:old)), 0) as old,
				           coalesce(sum(p.patients) filter (where p.age_band in (:oldest)), 0) as oldest
				    from directory_registered_patients p
				    where p.extract_date = :date and p.sex in ('MALE', 'FEMALE') and p.age_band <> 'ALL'
				    group by p.practice_code
				)
				select s.practice_code, m.ccg_code, s.total, s.young as aged0_to14, s.old as aged65_plus,
				       s.oldest as aged85_plus
				from sums s
				join directory_organisation o on o.code = s.practice_code
				left join membership m on m.practice_code = s.practice_code
				order by s.practice_code
				""")
			.param("date", extract)
			.param("day", extract)
			.param("young", bands(0, 14))
			.param("old", bands(65, 200))
			.param("oldest", bands(85, 200))
			.query(PracticeAgeProfile.class)
			.list();
	}

	private static List<String> bands(int from, int to) {
		return AgeBand.ALL.stream().filter(band -> band.from() >= from && band.from() <= to).map(AgeBand::code).toList();
	}
}
