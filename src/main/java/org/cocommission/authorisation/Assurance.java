package org.cocommission.authorisation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.ActingAs;
import org.cocommission.platform.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Annual assurance from 2016/17: each CCG's rating for a year with the evidence behind it, published (anyone may
 * read); recorded by NHS England. Rules in docs/domain-rules.md, "CCG authorisation".
 */
@Service
public class Assurance {

	/** The first year rated: 2016/17. */
	public static final int FIRST_YEAR = 2016;

	/** One CCG's rating in a year; {@code year} is the financial year's first calendar year (2016 for 2016/17). */
	public record Rating(String ccgCode, int year, AssuranceRating rating, String evidence) {

		public String yearLabel() {
			return Assurance.yearLabel(year);
		}
	}

	/** How many CCGs had each rating in a year. */
	public record YearCounts(int year, Map<AssuranceRating, Integer> counts) {

		public String yearLabel() {
			return Assurance.yearLabel(year);
		}

		public int total() {
			return counts.values().stream().mapToInt(Integer::intValue).sum();
		}
	}

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	Assurance(JdbcClient jdbc, AccessPolicy access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	/** 2016 as "2016/17". */
	public static String yearLabel(int year) {
		return year + "/" + String.format("%02d", (year + 1) % 100);
	}

	/** The years rated, oldest first. */
	@Transactional(readOnly = true)
	public List<Integer> years() {
		return jdbc.sql("select distinct year from authorisation_assurance_rating order by year")
			.query(Integer.class)
			.list();
	}

	/** Every CCG's rating in a year, by CCG code. */
	@Transactional(readOnly = true)
	public List<Rating> ratings(int year) {
		return jdbc.sql("select ccg_code, year, rating, evidence from authorisation_assurance_rating where year = ?"
				+ " order by ccg_code")
			.param(year)
			.query(Rating.class)
			.list();
	}

	/** One CCG's ratings, oldest first: its trend. */
	@Transactional(readOnly = true)
	public List<Rating> ratingsOf(String ccgCode) {
		return jdbc.sql("select ccg_code, year, rating, evidence from authorisation_assurance_rating where ccg_code = ?"
				+ " order by year")
			.param(ccgCode)
			.query(Rating.class)
			.list();
	}

	/** How many CCGs had each rating, year by year. */
	@Transactional(readOnly = true)
	public List<YearCounts> counts() {
		Map<Integer, Map<AssuranceRating, Integer>> byYear = new java.util.TreeMap<>();
		jdbc.sql("select year, rating, count(*) as ccgs from authorisation_assurance_rating group by year, rating")
			.query((rs, n) -> byYear.computeIfAbsent(rs.getInt("year"), year -> zeroes())
				.put(AssuranceRating.valueOf(rs.getString("rating")), rs.getInt("ccgs")))
			.list();
		List<YearCounts> counts = new ArrayList<>();
		byYear.forEach((year, map) -> counts.add(new YearCounts(year, map)));
		return counts;
	}

	private static Map<AssuranceRating, Integer> zeroes() {
		Map<AssuranceRating, Integer> map = new EnumMap<>(AssuranceRating.class);
		for (AssuranceRating rating : AssuranceRating.values()) {
			map.put(rating, 0);
		}
		return map;
	}

	/**
	 * Records ratings (a CCG's rating for a year replaces any before): NHS England, or the application itself for the
	 * demo. One statement for the lot.
	 */
	@Transactional
	public void record(List<Rating> ratings) {
		if (!ActingAs.isSystem()) {
			access.checkNational();
		}
		for (Rating rating : ratings) {
			if (rating.year() < FIRST_YEAR) {
				throw new InvalidInputException("year", "Annual assurance ratings start in 2016/17");
			}
		}
		if (ratings.isEmpty()) {
			return;
		}
		jdbc.sql("""
				insert into authorisation_assurance_rating (ccg_code, year, rating, evidence)
				select * from unnest(?::varchar[], ?::int[], ?::varchar[], ?::varchar[])
				on conflict (ccg_code, year) do update set rating = excluded.rating, evidence = excluded.evidence""")
			.params(ratings.stream().map(Rating::ccgCode).toArray(String[]::new),
					ratings.stream().map(Rating::year).toArray(Integer[]::new),
					ratings.stream().map(rating -> rating.rating().name()).toArray(String[]::new),
					ratings.stream().map(Rating::evidence).toArray(String[]::new))
			.update();
	}
}
