package org.cocommission.directory.organisations;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import org.cocommission.directory.Directory;
import org.cocommission.directory.ListSizePoint;
import org.cocommission.directory.Membership;
import org.cocommission.directory.OrganisationDetails;
import org.cocommission.directory.OrganisationRef;
import org.cocommission.directory.OrganisationSummary;
import org.cocommission.directory.OrganisationType;
import org.cocommission.directory.PopulationPyramid;
import org.cocommission.directory.Revision;
import org.cocommission.directory.cache.DirectoryCache;
import org.cocommission.directory.cache.DirectoryGeneration;

/**
 * The directory's part of each organisation page (the organisation, its chain, members, memberships, versions, lists
 * and pyramid), kept between visits: it changes only when an import changes the directory, and a region's page adds
 * up every practice under it at every extract. Under 20 clients the page took five times as long as the bare layout
 * (issue 18). Other capabilities' facts are not kept: they change with their own writes.
 * <p>
 * Kept under the {@link DirectoryGeneration}: forgotten when a change to the directory commits (the demo being marked
 * synthetic included) and after {@link DirectoryGeneration#AT_MOST} (a change made on another instance); figures a
 * visit worked out from the directory before a change committed can never be shown after it.
 */
@Component
public class OrganisationPageFigures {

	/** Every organisation of the national directory (about 8,600) on today's date, and some other dates. */
	private static final int ENTRIES = 20_000;

	/** What the page shows of the organisation coded {@code code} as at {@code asAt}, on {@code today}. */
	record Figures(OrganisationDetails organisation, List<OrganisationRef> chain, List<OrganisationSummary> children,
			List<Membership> memberships, List<Revision> revisions, List<ListSizePoint> listSizes,
			PopulationPyramid pyramid, Map<String, String> parentLabels) {
	}

	private record Key(String code, LocalDate asAt, LocalDate today) {
	}

	private record DetailsKey(String code, LocalDate today) {
	}

	/** What {@link #bandedExtract} keeps: one value for every organisation. */
	private enum Latest {
		BANDED_EXTRACT
	}

	private final Directory directory;

	private final DirectoryPageQueries queries;

	private final DirectoryCache<Key, Figures> figures;

	/** The API's answer for one organisation ({@code /api/v1/organisations/{code}}), kept in the same way. */
	private final DirectoryCache<DetailsKey, OrganisationDetails> details;

	/** The latest extract with age bands: finding it reads every banded row. */
	private final DirectoryCache<Latest, Optional<LocalDate>> bandedExtract;

	OrganisationPageFigures(Directory directory, DirectoryPageQueries queries, DirectoryGeneration generation) {
		this.directory = directory;
		this.queries = queries;
		this.figures = generation.cache(ENTRIES);
		this.details = generation.cache(ENTRIES);
		this.bandedExtract = generation.cache(2);
	}

	/** The figures of a known code; a code the directory does not hold is a {@link java.util.NoSuchElementException}. */
	public Figures of(String code, LocalDate asAt) {
		LocalDate today = directory.today();
		return figures.get(new Key(code, asAt, today), key -> workOut(code, asAt, today));
	}

	/** {@link Directory#get(String)} today, kept; a code the directory does not hold is a NoSuchElementException. */
	public OrganisationDetails details(String code) {
		return details.get(new DetailsKey(code, directory.today()), key -> directory.get(code));
	}

	private Figures workOut(String code, LocalDate asAt, LocalDate today) {
		OrganisationDetails organisation = directory.get(code);
		List<OrganisationRef> chain = asAt.equals(today) ? organisation.parentChain()
				: directory.parentChain(code, asAt);
		PopulationPyramid pyramid = bandedExtract.get(Latest.BANDED_EXTRACT, key -> directory.latestBandedExtract())
			.flatMap(extract -> directory.pyramid(code, extract))
			.orElse(null);
		return new Figures(organisation, chain, queries.withTotals(directory.children(code, asAt)),
				directory.memberships(code), directory.revisions(code),
				directory.listSizeHistory(code, organisation.type() == OrganisationType.GP_PRACTICE), pyramid,
				parentLabels(chain, asAt));
	}

	/** What each parent was on the date, in words: "CCG" or "Sub-ICB location" at the CCG level, else its type. */
	private Map<String, String> parentLabels(List<OrganisationRef> chain, LocalDate date) {
		Map<String, String> labels = new LinkedHashMap<>();
		for (OrganisationRef parent : chain) {
			OrganisationType type = parent.type() == OrganisationType.CCG
					? directory.typeOn(parent.code(), date).orElse(OrganisationType.CCG) : parent.type();
			labels.put(parent.code(), type == OrganisationType.CCG ? "CCG" : type.label());
		}
		return Map.copyOf(labels);
	}
}
