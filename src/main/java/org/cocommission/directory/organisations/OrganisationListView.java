package org.cocommission.directory.organisations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.thymeleaf.expression.Temporals;
import org.thymeleaf.util.NumberPointType;
import org.thymeleaf.util.NumberUtils;

import org.cocommission.directory.Directory.ListSort;
import org.cocommission.directory.OrganisationRef;
import org.cocommission.directory.OrganisationSummary;
import org.cocommission.directory.OrganisationType;
import org.cocommission.platform.PageOf;

/** One page of the organisations list as the page shows it: the rows, their parents, tabs, sorting and pagination. */
public record OrganisationListView(Request request, OrganisationRef parent, PageOf<OrganisationSummary> result,
		Map<String, List<OrganisationRef>> parents) {

	private static final String PATH = "/organisations";

	/** The tabs, in the order of the hierarchy. */
	private static final List<Map.Entry<OrganisationType, String>> TABS = List.of(
			Map.entry(OrganisationType.REGION, "Regions"), Map.entry(OrganisationType.AREA_TEAM, "Area teams"),
			Map.entry(OrganisationType.ICB, "ICBs"), Map.entry(OrganisationType.CCG, "CCGs"),
			Map.entry(OrganisationType.SUB_ICB_LOCATION, "Sub-ICB locations"),
			Map.entry(OrganisationType.GP_PRACTICE, "GP practices"), Map.entry(OrganisationType.CSU, "CSUs"));

	public List<Tab> tabs() {
		List<Tab> tabs = new ArrayList<>();
		tabs.add(new Tab("All", link(Map.of("type", ""), true), request.type() == null));
		TABS.forEach(tab -> tabs.add(new Tab(tab.getValue(), link(Map.of("type", tab.getKey().name()), true),
				tab.getKey() == request.type())));
		return tabs;
	}

	public String heading() {
		if (request.type() == null) {
			return "Organisations";
		}
		return TABS.stream()
			.filter(tab -> tab.getKey() == request.type())
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(request.type().label());
	}

	/** What the parent column is called for this type: a practice's CCG, a CCG's area team, an area team's region. */
	public String parentHeading() {
		if (request.type() == null) {
			return "Part of";
		}
		return switch (request.type()) {
			case GP_PRACTICE -> "CCG";
			case CCG -> "Area team";
			case SUB_ICB_LOCATION -> "ICB";
			case AREA_TEAM, ICB -> "Region";
			default -> "Part of";
		};
	}

	public List<OrganisationRef> parentsOf(String code) {
		return parents.getOrDefault(code, List.of());
	}

	/**
	 * The rows as the table shows them, worked out here in one pass rather than by expressions and fragments per
	 * cell (issue 18: the list spent its time rendering), formatted as the directory's fragments format dates and
	 * numbers ({@code #temporals.format(date, 'd MMM yyyy')}, {@code #numbers.formatInteger(n, 1, 'COMMA')}) in the
	 * page's locale.
	 */
	public List<Row> rows(Locale locale) {
		Temporals temporals = new Temporals(locale);
		return result.items().stream().map(organisation -> {
			List<OrganisationRef> partOf = parentsOf(organisation.code());
			return new Row(organisation.code(), organisation.name(), PATH + "/" + organisation.code(),
					statusLabel(organisation.status()), organisation.status(), organisation.placeholder(),
					organisation.practiceType() != null && !"GP practice".equals(organisation.practiceType())
							? organisation.practiceType() : null,
					organisation.practiceType() != null ? organisation.practiceType() : organisation.type().label(),
					partOf.stream().map(parent -> new Row.Parent(parent.name(), PATH + "/" + parent.code())).toList(),
					partOf.isEmpty() && organisation.type() != OrganisationType.NHS_ENGLAND, organisation.postcode(),
					organisation.openDate() == null ? null : temporals.format(organisation.openDate(), "d MMM yyyy"),
					organisation.listSize() == null ? null
							: NumberUtils.format(organisation.listSize(), 1, NumberPointType.COMMA, locale));
		}).toList();
	}

	/** The tag beside a name that is not active: closed, dormant or proposed. */
	private static String statusLabel(String status) {
		if (status == null || "A".equals(status)) {
			return null;
		}
		return "C".equals(status) ? "Closed" : "D".equals(status) ? "Dormant" : "Proposed";
	}

	public SortView sorting() {
		return new SortView(PATH, request.params(false), request.sort(), request.descending(), null);
	}

	public String csvHref() {
		Map<String, Object> params = request.params(true);
		params.remove("page");
		params.remove("size");
		return DirectoryParams.link(PATH + ".csv", params);
	}

	public String apiHref() {
		Map<String, Object> params = request.params(true);
		return DirectoryParams.link("/api/v1/organisations", params);
	}

	public String clearFiltersHref() {
		return DirectoryParams.link(PATH, request.type() == null ? Map.of() : Map.of("type", request.type().name()));
	}

	public long firstShown() {
		return result.items().isEmpty() ? 0 : (long) result.page() * result.size() + 1;
	}

	public long lastShown() {
		return (long) result.page() * result.size() + result.items().size();
	}

	public String previousHref() {
		return result.hasPrevious() ? pageHref(Math.min(result.page(), Math.max(result.totalPages(), 1)) - 1) : null;
	}

	public String nextHref() {
		return result.hasNext() ? pageHref(result.page() + 1) : null;
	}

	public String firstPageHref() {
		return pageHref(0);
	}

	/** Numbered page links: the first, the last and those around the current one, with gaps between. */
	public List<PageItem> pages() {
		int total = result.totalPages();
		int current = result.page();
		List<PageItem> items = new ArrayList<>();
		int previous = -1;
		for (int page = 0; page < total; page++) {
			if (page == 0 || page == total - 1 || Math.abs(page - current) <= 1) {
				if (previous >= 0 && page - previous > 1) {
					items.add(PageItem.GAP);
				}
				items.add(new PageItem(page + 1, pageHref(page), page == current, false));
				previous = page;
			}
		}
		return items;
	}

	private String pageHref(int page) {
		Map<String, Object> params = request.params(false);
		params.put("page", page == 0 ? null : page);
		return DirectoryParams.link(PATH, params);
	}

	private String link(Map<String, Object> changes, boolean resetPage) {
		Map<String, Object> params = request.params(false);
		params.putAll(changes);
		if (resetPage) {
			params.remove("page");
		}
		return DirectoryParams.link(PATH, params);
	}

	/** The list's query parameters with their defaults filled in ({@link OrganisationsQuery#request()}). */
	record Request(OrganisationType type, String parentCode, String query, ListSort sort, boolean descending, int page,
			int size) {

		/** The parameters to repeat in links; defaults left out so that links stay short. */
		Map<String, Object> params(boolean explicit) {
			Map<String, Object> params = new LinkedHashMap<>();
			params.put("type", type == null ? null : type.name());
			params.put("parent", parentCode);
			params.put("q", query);
			String sortName = sort.name().toLowerCase(Locale.ROOT).replace('_', '-');
			params.put("sort", explicit || sort != ListSort.NAME ? sortName : null);
			params.put("dir", explicit || descending ? (descending ? "desc" : "asc") : null);
			params.put("page", explicit || page > 0 ? page : null);
			params.put("size", explicit || size != OrganisationsQuery.DEFAULT_PAGE_SIZE ? size : null);
			return params;
		}
	}

	record Tab(String label, String href, boolean selected) {
	}

	/**
	 * A row of the table: {@code statusLabel} null for an active organisation, {@code note} the kind of a practice
	 * that is not a GP practice, {@code none} when it is under nothing it should be, {@code opened} and
	 * {@code listSize} formatted (null when not known).
	 */
	record Row(String code, String name, String href, String statusLabel, String status, boolean placeholder,
			String note, String typeLabel, List<Parent> parents, boolean none, String postcode, String opened,
			String listSize) {

		record Parent(String name, String href) {
		}
	}

	/** A numbered link of the pagination component, or a gap ({@code ellipsis}) between two. */
	record PageItem(int number, String href, boolean current, boolean ellipsis) {

		static final PageItem GAP = new PageItem(0, null, false, true);
	}
}
