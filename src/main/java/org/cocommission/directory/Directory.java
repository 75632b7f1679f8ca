package org.cocommission.directory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.cocommission.platform.PageOf;

/** Reading the directory: organisations, their hierarchy on a date, registered lists and national coverage. */
@Service
@Transactional(readOnly = true)
public class Directory {

	/** The columns every summary query selects, with the latest list size of a practice. */
	private static final String SUMMARY_COLUMNS = """
			o.code, o.name, o.type, o.postcode, o.status, o.prescribing_setting, o.open_date, o.close_date, o.placeholder,
			(select p.patients from directory_registered_patients p
			  where p.practice_code = o.code and p.sex = 'ALL' and p.age_band = 'ALL'
			  order by p.extract_date desc limit 1) as list_size
			""";

	/**
	 * The listed organisations with, above practice level, the patients registered under them at the latest extract
	 * (in the hierarchy as it was then), so that every list can be sorted by size.
	 */
	private static final String LISTED_WITH_TOTALS = """
			with recursive latest as (
			    select max(extract_date) as extract_date from directory_registered_patients
			    where sex = 'ALL' and age_band = 'ALL'
			),
			listed as (select %s),
			down (root, code, depth) as (
			    select listed.code, listed.code, 0 from listed where listed.type <> 'GP_PRACTICE'
			    union
			    select down.root, r.child_code, down.depth + 1
			    from directory_relationship r join down on r.parent_code = down.code, latest
			    where valid_on(r.valid_from, r.valid_to, latest.extract_date)
			      and down.depth < 6
			),
			totals as (
			    select reached.root, sum(p.patients) as patients
			    from (select distinct root, code from down) reached
			    join latest on true
			    join directory_registered_patients p on p.practice_code = reached.code
			      and p.extract_date = latest.extract_date and p.sex = 'ALL' and p.age_band = 'ALL'
			    group by reached.root
			)
			select listed.code, listed.name, listed.type, listed.postcode, listed.status, listed.prescribing_setting,
			       listed.open_date, listed.close_date, listed.placeholder,
			       case when listed.type = 'GP_PRACTICE' then listed.list_size else totals.patients end as list_size
			from listed left join totals on totals.root = listed.code
			""";

	private static final String DESCENDANTS = """
			with recursive down (code, depth) as (
			    select cast(:code as varchar), 0
			    union
			    select r.child_code, down.depth + 1
			    from directory_relationship r join down on r.parent_code = down.code
			    where valid_on(r.valid_from, r.valid_to, :date)
			      and down.depth < 6
			)
			""";

	/**
	 * Common table {@code extracts}: the extracts holding lists, by one probe of the totals index per extract (a loose
	 * index scan; a distinct reads every practice's row of every extract), and a null after the last.
	 */
	private static final String EXTRACTS = """
			extracts (extract_date) as (
			    select min(extract_date) from directory_registered_patients where sex = 'ALL' and age_band = 'ALL'
			    union all
			    select (select min(p.extract_date) from directory_registered_patients p
			            where p.sex = 'ALL' and p.age_band = 'ALL' and p.extract_date > extracts.extract_date)
			    from extracts where extracts.extract_date is not null
			)
			""";

	/** The parent of the organisation coded %s on :date whose link began last. */
	private static final String NEAREST_PARENT = """
			select o.code, o.name, o.type from directory_relationship r
			join directory_organisation o on o.code = r.parent_code
			where r.child_code = %s and valid_on(r.valid_from, r.valid_to, :date)
			order by r.valid_from desc nulls last, r.parent_code limit 1
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	Directory(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	public Optional<OrganisationDetails> find(String code) {
		return jdbc.sql("select code, name, type, address_line_1 as line1, address_line_2 as line2,"
				+ " address_line_3 as line3, address_line_4 as line4, address_line_5 as line5, postcode, telephone,"
				+ " open_date, close_date, status, prescribing_setting, placeholder, synthetic"
				+ " from directory_organisation where code = ?")
			.param(code)
			.query(OrganisationRow.class)
			.optional()
			.map(this::details);
	}

	public OrganisationDetails get(String code) {
		return find(code).orElseThrow(() -> new java.util.NoSuchElementException("No organisation with code " + code));
	}

	/** Code, name and type of each of these organisations, by code; codes the directory does not know are left out. */
	public Map<String, OrganisationRef> refs(Collection<String> codes) {
		Map<String, OrganisationRef> refs = new HashMap<>();
		if (codes.isEmpty()) {
			return refs;
		}
		// one array parameter, not an IN list of one parameter per code: a payments file asks for 8,000 at once
		jdbc.sql("select code, name, type from directory_organisation where code = any(?)")
			.param(new HashSet<>(codes).toArray(String[]::new))
			.query(OrganisationRef.class)
			.list()
			.forEach(ref -> refs.put(ref.code(), ref));
		return refs;
	}

	/** Type-ahead search: an exact or starting code first, then names containing every word typed. */
	public List<OrganisationSummary> search(String query, int limit) {
		String text = query == null ? "" : query.trim();
		if (text.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select " + SUMMARY_COLUMNS + " from directory_organisation o"
				+ " where o.code like :codePrefix or lower(o.name) like :name"
				+ " order by (o.code = :code) desc, (o.code like :codePrefix) desc,"
				+ " (o.type = 'GP_PRACTICE' and o.prescribing_setting <> 4) asc, o.name limit :limit")
			.param("code", text.toUpperCase())
			.param("codePrefix", escapeLike(text.toUpperCase()) + "%")
			.param("name", "%" + String.join("%", Arrays.stream(escapeLike(text.toLowerCase()).split("\\s+")).toList()) + "%")
			.param("limit", limit)
			.query(SummaryRow.class)
			.list()
			.stream()
			.map(SummaryRow::summary)
			.toList();
	}

	/** A sortable, searchable page of organisations of one type, optionally only the children of one parent today. */
	public PageOf<OrganisationSummary> list(OrganisationType type, String parentCode, String query, ListSort sort,
			boolean descending, int page, int size) {
		String where = " where (cast(:type as varchar) is null or o.type = :type)"
				+ " and (not :subIcb or exists (select 1 from directory_organisation_type_period t"
				+ "   where t.code = o.code and t.type = 'SUB_ICB_LOCATION' and valid_on(t.valid_from, t.valid_to, :date)))"
				+ " and (cast(:query as varchar) is null or o.code like :codePrefix or lower(o.name) like :name)"
				+ " and (cast(:parent as varchar) is null or exists (select 1 from directory_relationship r"
				+ "   where r.child_code = o.code and r.parent_code = :parent"
				+ "   and valid_on(r.valid_from, r.valid_to, :date)))";
		String text = query == null || query.isBlank() ? null : query.trim();
		var total = bind(jdbc.sql("select count(*) from directory_organisation o" + where), type, parentCode, text)
			.query(Long.class)
			.single();
		// Unless the list is sorted by list size, the page is cut before the totals are added up, so a page adds up
		// the lists under its own 50 organisations, not under every organisation in England.
		boolean pageFirst = sort != ListSort.LIST_SIZE;
		String order = " order by %s" + (descending ? " desc nulls last" : " asc nulls last") + ", %s";
		String listed = SUMMARY_COLUMNS + " from directory_organisation o" + where
				+ (pageFirst ? order.formatted("o." + sort.column(), "o.code") + " limit :limit offset :offset" : "");
		var items = bind(jdbc.sql(LISTED_WITH_TOTALS.formatted(listed) + order.formatted(sort.column(), "code")
				+ (pageFirst ? "" : " limit :limit offset :offset")), type, parentCode, text)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(SummaryRow.class)
			.list()
			.stream()
			.map(SummaryRow::summary)
			.toList();
		return new PageOf<>(items, page, size, total);
	}

	private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, OrganisationType type, String parentCode,
			String text) {
		// A sub-ICB location is stored at the CCG level; the list holds those that are one today.
		boolean subIcb = type == OrganisationType.SUB_ICB_LOCATION;
		return spec.param("type", type == null ? null : subIcb ? OrganisationType.CCG.name() : type.name())
			.param("subIcb", subIcb)
			.param("query", text)
			.param("codePrefix", text == null ? null : escapeLike(text.toUpperCase()) + "%")
			.param("name", text == null ? null : "%" + escapeLike(text.toLowerCase()) + "%")
			.param("parent", parentCode)
			.param("date", today());
	}

	/** The organisations directly under {@code code} on {@code date}. */
	public List<OrganisationSummary> children(String code, LocalDate date) {
		return jdbc.sql("select " + SUMMARY_COLUMNS + " from directory_organisation o"
				+ " join directory_relationship r on r.child_code = o.code"
				+ " where r.parent_code = :code and valid_on(r.valid_from, r.valid_to, :date) order by o.name")
			.param("code", code)
			.param("date", date)
			.query(SummaryRow.class)
			.list()
			.stream()
			.map(SummaryRow::summary)
			.toList();
	}

	/**
	 * Parent chain on {@code date}, nearest first, at most six deep: at each step the parent whose link began last.
	 * One round trip (it was one per level).
	 */
	public List<OrganisationRef> parentChain(String code, LocalDate date) {
		return jdbc.sql("""
				with recursive chain (code, name, type, depth) as (
				    select parent.code, parent.name, parent.type, 1 from (%1$s) parent
				    union all
				    select parent.code, parent.name, parent.type, chain.depth + 1
				    from chain cross join lateral (%2$s) parent
				    where chain.depth < 6
				)
				select code, name, type from chain order by depth
				""".formatted(NEAREST_PARENT.formatted("cast(:code as varchar)"), NEAREST_PARENT.formatted("chain.code")))
			.param("code", code)
			.param("date", date)
			.query(OrganisationRef.class)
			.list();
	}

	/** Every parent link the organisation has had, newest first. */
	public List<Membership> memberships(String code) {
		return jdbc.sql("select o.code, o.name, o.type, r.valid_from, r.valid_to from directory_relationship r"
				+ " join directory_organisation o on o.code = r.parent_code where r.child_code = ?"
				+ " order by r.valid_from desc nulls last, r.id desc")
			.param(code)
			.query(MembershipRow.class)
			.list()
			.stream()
			.map(row -> new Membership(new OrganisationRef(row.code(), row.name(), row.type()), row.validFrom(),
					row.validTo()))
			.toList();
	}

	public List<Revision> revisions(String code) {
		return jdbc.sql("select recorded_at, change, import_id, attributes from directory_organisation_revision"
				+ " where code = ? order by recorded_at desc, id desc")
			.param(code)
			.query(RevisionRow.class)
			.list()
			.stream()
			.map(row -> new Revision(row.recordedAt().toInstant(), row.change(), row.importId(),
					json.readValue(row.attributes(), new TypeReference<Map<String, Object>>() {
					})))
			.toList();
	}

	/** The registered list at each extract: a practice's own, or the sum over the practices under the organisation then. */
	public List<ListSizePoint> listSizeHistory(String code) {
		return listSizeHistory(code, isPractice(code));
	}

	/**
	 * {@link #listSizeHistory(String)} for a caller that knows whether the organisation is a practice. Above practice
	 * level, one query walks the hierarchy as it was at every extract (it was one query per extract), and looks up
	 * each practice reached by its key: joined instead, the planner read every practice's row of every extract.
	 */
	public List<ListSizePoint> listSizeHistory(String code, boolean practice) {
		if (practice) {
			return jdbc.sql("select extract_date, patients from directory_registered_patients"
					+ " where practice_code = ? and sex = 'ALL' and age_band = 'ALL' order by extract_date")
				.param(code)
				.query(ListSizePoint.class)
				.list();
		}
		return jdbc.sql("with recursive " + EXTRACTS + """
				, down (extract_date, code, depth) as (
				    select extract_date, cast(:code as varchar), 0 from extracts where extract_date is not null
				    union
				    select down.extract_date, r.child_code, down.depth + 1
				    from directory_relationship r join down on r.parent_code = down.code
				    where valid_on(r.valid_from, r.valid_to, down.extract_date)
				      and down.depth < 6
				)
				select extract_date, patients from (
				    select reached.extract_date, sum((select p.patients from directory_registered_patients p
				        where p.practice_code = reached.code and p.extract_date = reached.extract_date
				          and p.sex = 'ALL' and p.age_band = 'ALL')) as patients
				    from (select distinct extract_date, code from down) reached
				    group by reached.extract_date
				) totals
				where patients > 0
				order by extract_date
				""")
			.param("code", code)
			.query(ListSizePoint.class)
			.list();
	}

	/**
	 * The registered list each organisation shows, with its extract: a practice's own at its latest extract; above
	 * practice level, the sum over the practices under it at the latest extract. The one source of the organisation
	 * page and the search results, so that both show the same figure of the same date.
	 */
	public Map<String, ListSizePoint> currentListSizes(Map<String, OrganisationType> organisations) {
		Map<String, ListSizePoint> sizes = new java.util.HashMap<>();
		List<String> practices = organisations.entrySet().stream()
			.filter(entry -> entry.getValue() == OrganisationType.GP_PRACTICE)
			.map(Map.Entry::getKey)
			.toList();
		if (!practices.isEmpty()) {
			record Latest(String practiceCode, LocalDate extractDate, long patients) {
			}
			jdbc.sql("select distinct on (practice_code) practice_code, extract_date, patients"
					+ " from directory_registered_patients where practice_code in (:codes) and sex = 'ALL' and age_band = 'ALL'"
					+ " order by practice_code, extract_date desc")
				.param("codes", practices)
				.query(Latest.class)
				.list()
				.forEach(latest -> sizes.put(latest.practiceCode(), new ListSizePoint(latest.extractDate(), latest.patients())));
		}
		List<String> others = organisations.entrySet().stream()
			.filter(entry -> entry.getValue() != OrganisationType.GP_PRACTICE)
			.map(Map.Entry::getKey)
			.toList();
		if (!others.isEmpty()) {
			List<LocalDate> extracts = extractDates();
			if (!extracts.isEmpty()) {
				LocalDate latest = extracts.get(extracts.size() - 1);
				Map<String, Long> totals = totalsUnder(others, latest);
				others.forEach(code -> sizes.put(code, new ListSizePoint(latest, totals.getOrDefault(code, 0L))));
			}
		}
		return sizes;
	}

	/** Patients by 5-year band and sex at the latest extract that has bands, summed over the practices under {@code code}. */
	public Optional<PopulationPyramid> pyramid(String code) {
		return latestBandedExtract().flatMap(date -> pyramid(code, date));
	}

	/**
	 * The latest extract with age bands. No index serves it: it reads every banded row (100 ms on the national demo,
	 * where an index would cost a second on each national load), so the organisation page keeps it between changes.
	 */
	public Optional<LocalDate> latestBandedExtract() {
		return jdbc.sql("select max(extract_date) from directory_registered_patients"
				+ " where sex in ('MALE', 'FEMALE') and age_band <> 'ALL'")
			.query(LocalDate.class)
			.list()
			.stream()
			.filter(Objects::nonNull)
			.findFirst();
	}

	/** {@link #pyramid(String)} at an extract with age bands. */
	public Optional<PopulationPyramid> pyramid(String code, LocalDate date) {
		List<PopulationPyramid.Band> rows = jdbc.sql(DESCENDANTS + """
				select p.age_band,
				       sum(case when p.sex = 'MALE' then p.patients else 0 end) as male,
				       sum(case when p.sex = 'FEMALE' then p.patients else 0 end) as female
				from directory_registered_patients p
				where p.extract_date = :date and p.sex in ('MALE', 'FEMALE') and p.age_band <> 'ALL'
				  and p.practice_code in (select code from down)
				group by p.age_band
				""")
			.param("code", code)
			.param("date", date)
			.query(PopulationPyramid.Band.class)
			.list();
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		List<PopulationPyramid.Band> ordered = AgeBand.ALL.stream()
			.flatMap(band -> rows.stream().filter(row -> row.ageBand().equals(band.code())))
			.toList();
		long male = ordered.stream().mapToLong(PopulationPyramid.Band::male).sum();
		long female = ordered.stream().mapToLong(PopulationPyramid.Band::female).sum();
		return Optional.of(new PopulationPyramid(code, date, ordered, male, female));
	}

	/** The extracts holding lists, oldest first (12 ms on the national demo with a distinct, 0.2 ms so). */
	public List<LocalDate> extractDates() {
		return jdbc.sql("with recursive " + EXTRACTS
				+ " select extract_date from extracts where extract_date is not null order by extract_date")
			.query(LocalDate.class)
			.list();
	}

	public Coverage coverage(LocalDate date) {
		List<PracticeCoverage> practices = practiceCoverage(date);
		List<String> without = practices.stream().filter(p -> p.ccgs() == 0).map(PracticeCoverage::code).toList();
		List<String> several = practices.stream().filter(p -> p.ccgs() > 1).map(PracticeCoverage::code).toList();
		long ccgs = practices.stream().flatMap(p -> p.ccgCodes().stream()).distinct().count();
		long population = practices.stream().mapToLong(PracticeCoverage::patientsOrZero).sum();
		long covered = practices.stream().filter(p -> p.ccgs() == 1).mapToLong(PracticeCoverage::patientsOrZero).sum();
		BigDecimal percent = population == 0 ? null
				: BigDecimal.valueOf(covered * 100).divide(BigDecimal.valueOf(population), 2, RoundingMode.HALF_UP);
		int coveredPractices = practices.size() - without.size() - several.size();
		boolean tier = parentTierOn(date);
		return new Coverage(date, practices.size(), coveredPractices, without, several, (int) ccgs, percent,
				tier ? ccgsWithoutAreaTeam(date, false) : List.of(), tier ? ccgsWithoutAreaTeam(date, true) : List.of());
	}

	/**
	 * Every GP practice open on the date (prescribing setting 4; active, or closed after the date) with the CCGs it
	 * belonged to then and its latest registered list on or before the date.
	 */
	public List<PracticeCoverage> practiceCoverage(LocalDate date) {
		return jdbc.sql("""
				with open_practice as (
				    select o.code, o.name, o.postcode from directory_organisation o
				    where o.type = 'GP_PRACTICE' and o.prescribing_setting = 4
				      and (o.status = 'A' or (o.status = 'C' and o.close_date is not null))
				      and (o.open_date is null or o.open_date <= :date)
				      and (o.close_date is null or o.close_date > :date)
				),
				ccg_link as (
				    select r.child_code, string_agg(distinct r.parent_code, ';' order by r.parent_code) as ccg_codes
				    from directory_relationship r
				    join directory_organisation p on p.code = r.parent_code and p.type = 'CCG'
				    where valid_on(r.valid_from, r.valid_to, :date)
				    group by r.child_code
				),
				latest_list as (
				    select distinct on (practice_code) practice_code, patients, extract_date
				    from directory_registered_patients
				    where sex = 'ALL' and age_band = 'ALL' and extract_date <= :date
				    order by practice_code, extract_date desc
				)
				select op.code, op.name, op.postcode, c.ccg_codes, l.patients, l.extract_date
				from open_practice op
				left join ccg_link c on c.child_code = op.code
				left join latest_list l on l.practice_code = op.code
				order by op.code
				""")
			.param("date", date)
			.query(CoverageRow.class)
			.list()
			.stream()
			.map(row -> new PracticeCoverage(row.code(), row.name(), row.postcode(),
					row.ccgCodes() == null ? List.of() : List.of(row.ccgCodes().split(";")), row.patients(),
					row.extractDate()))
			.toList();
	}

	/**
	 * Whether the directory holds a tier above the CCGs on the date: area teams (2013-2015) or ICBs (from 1 July
	 * 2022). Between them CCGs answered to no tier the directory keeps, so none is missing.
	 */
	private boolean parentTierOn(LocalDate date) {
		return jdbc.sql("""
				select exists (select 1 from directory_relationship r
				  join directory_organisation c on c.code = r.child_code and c.type = 'CCG'
				  join directory_organisation a on a.code = r.parent_code and a.type in ('AREA_TEAM', 'ICB')
				  where valid_on(r.valid_from, r.valid_to, :date))
				""")
			.param("date", date)
			.query(Boolean.class)
			.single();
	}

	/** CCGs open on the date with no area team or ICB ({@code several = false}) or more than one. */
	private List<String> ccgsWithoutAreaTeam(LocalDate date, boolean several) {
		return jdbc.sql("""
				select c.code from directory_organisation c
				left join directory_relationship r on r.child_code = c.code
				  and valid_on(r.valid_from, r.valid_to, :date)
				  and exists (select 1 from directory_organisation a where a.code = r.parent_code
				    and a.type in ('AREA_TEAM', 'ICB'))
				where c.type = 'CCG' and not c.placeholder
				  and (c.open_date is null or c.open_date <= :date) and (c.close_date is null or c.close_date > :date)
				group by c.code
				having count(r.parent_code) %s
				order by c.code
				""".formatted(several ? "> 1" : "= 0"))
			.param("date", date)
			.query(String.class)
			.list();
	}

	public NationalSummary summary() {
		LocalDate latest = extractDates().stream().reduce((first, second) -> second).orElse(null);
		return jdbc.sql("""
				select
				  count(*) filter (where type = 'REGION') as regions,
				  count(*) filter (where type = 'AREA_TEAM') as area_teams,
				  count(*) filter (where type = 'CCG' and not placeholder
				    and (close_date is null or close_date >= :today)) as ccgs,
				  count(*) filter (where type = 'GP_PRACTICE' and prescribing_setting = 4 and status = 'A') as practices,
				  count(*) filter (where type = 'GP_PRACTICE' and prescribing_setting <> 4) as other_settings,
				  count(*) filter (where type = 'CSU') as csus,
				  bool_or(synthetic) as synthetic,
				  (select coalesce(sum(patients), 0) from directory_registered_patients
				    where sex = 'ALL' and age_band = 'ALL' and extract_date = :latest) as patients
				from directory_organisation
				""")
			.param("latest", latest)
			.param("today", today())
			.query(Counts.class)
			.single()
			.summary(latest);
	}

	/** Whether the directory holds the generated demo dataset, which every page then labels as synthetic. */
	public boolean isSynthetic() {
		return jdbc.sql("select exists (select 1 from directory_organisation where synthetic)").query(Boolean.class).single();
	}

	private boolean isPractice(String code) {
		return jdbc.sql("select exists (select 1 from directory_organisation where code = ? and type = 'GP_PRACTICE')")
			.param(code)
			.query(Boolean.class)
			.single();
	}

	/**
	 * The patients registered at the extract under each of these organisations, in the hierarchy as it was then: one
	 * query for them all (it was one per organisation), each practice reached looked up by its key.
	 */
	private Map<String, Long> totalsUnder(Collection<String> codes, LocalDate extract) {
		Map<String, Long> totals = new HashMap<>();
		jdbc.sql("""
				with recursive down (root, code, depth) as (
				    select code, code, 0 from directory_organisation where code in (:codes)
				    union
				    select down.root, r.child_code, down.depth + 1
				    from directory_relationship r join down on r.parent_code = down.code
				    where valid_on(r.valid_from, r.valid_to, :date)
				      and down.depth < 6
				)
				select root, coalesce(sum((select p.patients from directory_registered_patients p
				    where p.practice_code = reached.code and p.extract_date = :date
				      and p.sex = 'ALL' and p.age_band = 'ALL')), 0) as patients
				from (select distinct root, code from down) reached
				group by root
				""")
			.param("codes", List.copyOf(codes))
			.param("date", extract)
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.forEach(total -> totals.put(total.getKey(), total.getValue()));
		return totals;
	}

	private OrganisationDetails details(OrganisationRow row) {
		String code = row.code();
		OrganisationType type = row.type();
		List<String> address = Stream.of(row.line1(), row.line2(), row.line3(), row.line4(), row.line5())
			.filter(line -> line != null && !line.isBlank())
			.toList();
		Integer setting = row.prescribingSetting();
		String status = row.status();
		LocalDate today = today();
		ListSizePoint current = currentListSizes(Map.of(code, type)).get(code);
		Long listSize = current == null ? null : current.patients();
		LocalDate listDate = current == null ? null : current.extractDate();
		List<TypePeriod> types = typeHistory(code);
		OrganisationType typeToday = typeOn(types, type, today);
		return new OrganisationDetails(code, row.name(), type,
				type == OrganisationType.GP_PRACTICE ? PrescribingSetting.label(setting) : typeToday.label(), address,
				row.postcode(), row.telephone(), row.openDate(), row.closeDate(), status, OrganisationStatus.label(status),
				setting, type == OrganisationType.GP_PRACTICE ? PrescribingSetting.label(setting) : null,
				row.placeholder(), row.synthetic(), parentChain(code, today), listSize, listDate, types,
				predecessors(code), successors(code));
	}

	/**
	 * What the organisation was on each day, oldest first: for a CCG-level organisation, a CCG and then (from 1 July
	 * 2022) a sub-ICB location; empty for an organisation that was always of its stored type.
	 */
	public List<TypePeriod> typeHistory(String code) {
		return jdbc.sql("select type, valid_from, valid_to from directory_organisation_type_period where code = ?"
				+ " order by valid_from nulls first")
			.param(code)
			.query(TypePeriod.class)
			.list();
	}

	/** What the organisation was on {@code date}: CCG or sub-ICB location at the CCG level, else its stored type. */
	public Optional<OrganisationType> typeOn(String code, LocalDate date) {
		return jdbc.sql("select type from directory_organisation where code = ?")
			.param(code)
			.query(OrganisationType.class)
			.optional()
			.map(stored -> typeOn(typeHistory(code), stored, date));
	}

	private static OrganisationType typeOn(List<TypePeriod> history, OrganisationType stored, LocalDate date) {
		return history.stream()
			.filter(period -> (period.validFrom() == null || !period.validFrom().isAfter(date))
					&& (period.validTo() == null || !period.validTo().isBefore(date)))
			.map(TypePeriod::type)
			.findFirst()
			.or(() -> history.isEmpty() ? Optional.empty()
					: Optional.of(history.get(0).validFrom() != null && date.isBefore(history.get(0).validFrom())
							? history.get(0).type() : history.get(history.size() - 1).type()))
			.orElse(stored);
	}

	/** The organisations this one took over from (ODS successor file), oldest first. */
	public List<Succession> predecessors(String code) {
		return jdbc.sql("select s.old_code as code, o.name, s.effective_date from directory_succession s"
				+ " left join directory_organisation o on o.code = s.old_code and not o.placeholder"
				+ " where s.new_code = ? order by s.effective_date, s.old_code")
			.param(code)
			.query(Succession.class)
			.list();
	}

	/** The organisations that took over from this one (ODS successor file), oldest first. */
	public List<Succession> successors(String code) {
		return jdbc.sql("select s.new_code as code, o.name, s.effective_date from directory_succession s"
				+ " left join directory_organisation o on o.code = s.new_code and not o.placeholder"
				+ " where s.old_code = ? order by s.effective_date, s.new_code")
			.param(code)
			.query(Succession.class)
			.list();
	}

	/**
	 * The code that stood for {@code code}'s organisation on {@code structureDate}: its successor's successor, and so
	 * on, following every succession effective on or before that day; the code itself when none was. Where an
	 * organisation was split, the successor with the lowest code is followed. For re-mapping history onto a later
	 * structure (docs/domain-rules.md, "Successors (succ)").
	 */
	public String successorOn(String code, LocalDate structureDate) {
		return successorsOn(structureDate).getOrDefault(code, code);
	}

	/** {@link #successorOn} for every code that had a successor by {@code structureDate}: old code to code then. */
	public Map<String, String> successorsOn(LocalDate structureDate) {
		Map<String, String> next = new HashMap<>();
		jdbc.sql("select old_code, new_code from directory_succession where effective_date <= ?"
				+ " order by old_code, new_code")
			.param(structureDate)
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.forEach(step -> next.putIfAbsent(step.getKey(), step.getValue()));
		Map<String, String> resolved = new HashMap<>();
		for (String start : next.keySet()) {
			String current = start;
			var visited = new HashSet<String>();
			while (next.containsKey(current) && visited.add(current)) {
				current = next.get(current);
			}
			resolved.put(start, current);
		}
		return resolved;
	}

	/**
	 * The CCG-level organisation (CCG or sub-ICB location) a practice belonged to on {@code date}, from its dated
	 * memberships: the full history where epcmem.csv was loaded, else the links epraccur.csv gave. On a day with no
	 * membership: its last membership that ended before then (a practice that had closed), else its first one (a
	 * history that starts later). Empty for a practice with no CCG at all (docs/domain-rules.md, "A practice's
	 * commissioner on a date").
	 */
	public Optional<String> commissionerOn(String practiceCode, LocalDate date) {
		return Optional.ofNullable(commissioners(practiceCode, date).get(practiceCode));
	}

	/** {@link #commissionerOn} for every practice that has a CCG-level membership: practice code to CCG code. */
	public Map<String, String> commissionersOn(LocalDate date) {
		return commissioners(null, date);
	}

	private Map<String, String> commissioners(String practiceCode, LocalDate date) {
		Map<String, String> result = new HashMap<>();
		// On the day, the one rule of directory_links_on; on a day with none, the last membership that ended before
		// it, else the first (a history that starts later).
		jdbc.sql("""
				with on_day as (
				    select l.child_code, l.parent_code from directory_links_on(:date) l where l.parent_type = 'CCG'
				),
				other_days as (
				    select distinct on (r.child_code) r.child_code, r.parent_code
				    from directory_relationship r
				    join directory_organisation p on p.code = r.parent_code and p.type = 'CCG'
				    where (cast(:practice as varchar) is null or r.child_code = :practice)
				    order by r.child_code, case when r.valid_to < :date then 0 else 1 end,
				      case when r.valid_to < :date then r.valid_to end desc nulls last,
				      r.valid_from nulls first, r.parent_code
				)
				select c.code, coalesce(d.parent_code, o.parent_code)
				from directory_organisation c
				left join on_day d on d.child_code = c.code
				left join other_days o on o.child_code = c.code
				where c.type = 'GP_PRACTICE' and (d.parent_code is not null or o.parent_code is not null)
				  and (cast(:practice as varchar) is null or c.code = :practice)
				""")
			.param("practice", practiceCode)
			.param("date", date)
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.forEach(entry -> result.put(entry.getKey(), entry.getValue()));
		return result;
	}

	/** An organisation as stored, its address lines aliased {@code line1} to {@code line5}. */
	private record OrganisationRow(String code, String name, OrganisationType type, String line1, String line2,
			String line3, String line4, String line5, String postcode, String telephone, LocalDate openDate,
			LocalDate closeDate, String status, Integer prescribingSetting, boolean placeholder, boolean synthetic) {
	}

	/** The {@link #SUMMARY_COLUMNS} of one organisation. */
	private record SummaryRow(String code, String name, OrganisationType type, String postcode, String status,
			Integer prescribingSetting, LocalDate openDate, LocalDate closeDate, Long listSize, boolean placeholder) {

		OrganisationSummary summary() {
			return new OrganisationSummary(code, name, type, postcode, status,
					type == OrganisationType.GP_PRACTICE ? PrescribingSetting.label(prescribingSetting) : null, openDate,
					closeDate, listSize, placeholder);
		}
	}

	private record MembershipRow(String code, String name, OrganisationType type, LocalDate validFrom,
			LocalDate validTo) {
	}

	private record RevisionRow(OffsetDateTime recordedAt, String change, Long importId, String attributes) {
	}

	private record CoverageRow(String code, String name, String postcode, String ccgCodes, Long patients,
			LocalDate extractDate) {
	}

	private record Counts(long regions, long areaTeams, long ccgs, long practices, long otherSettings, long csus,
			boolean synthetic, long patients) {

		NationalSummary summary(LocalDate latest) {
			return new NationalSummary(regions, areaTeams, ccgs, practices, otherSettings, csus, patients, latest,
					synthetic);
		}
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/** The columns a list can be sorted by. */
	public enum ListSort {

		CODE("code"), NAME("name"), POSTCODE("postcode"), LIST_SIZE("list_size"), OPEN_DATE("open_date");

		private final String column;

		ListSort(String column) {
			this.column = column;
		}

		String column() {
			return column;
		}

		public static ListSort parse(String value) {
			return value == null ? NAME
					: Arrays.stream(values()).filter(sort -> sort.name().equalsIgnoreCase(value.replace('-', '_')))
						.findFirst()
						.orElse(NAME);
		}
	}
}
