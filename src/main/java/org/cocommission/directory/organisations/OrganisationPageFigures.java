package org.cocommission.directory.organisations;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import org.cocommission.directory.Directory;
import org.cocommission.directory.DirectoryChanged;
import org.cocommission.directory.ListSizePoint;
import org.cocommission.directory.Membership;
import org.cocommission.directory.OrganisationDetails;
import org.cocommission.directory.OrganisationRef;
import org.cocommission.directory.OrganisationSummary;
import org.cocommission.directory.OrganisationType;
import org.cocommission.directory.PopulationPyramid;
import org.cocommission.directory.Revision;
import org.cocommission.directory.coverage.HomePageFigures;

/**
 * The directory's part of each organisation page (the organisation, its chain, members, memberships, versions, lists
 * and pyramid), kept between visits: it changes only when an import changes the directory, and a region's page adds
 * up every practice under it at every extract. Under 20 clients the page took five times as long as the bare layout
 * (issue 18). Other capabilities' facts are not kept: they change with their own writes.
 * <p>
 * Forgotten, like {@link HomePageFigures}, after a committed {@link DirectoryChanged}, the demo being marked synthetic,
 * or {@link HomePageFigures#AT_MOST} (a change made on another instance). Each change starts a new generation, part of
 * every key: figures a visit worked out from the directory before the change committed can never be shown after it.
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

	private record Key(long generation, String code, LocalDate asAt, LocalDate today) {
	}

	private record DetailsKey(long generation, String code, LocalDate today) {
	}

	private final Directory directory;

	private final DirectoryPageQueries queries;

	private final AtomicLong generation = new AtomicLong();

	private final Cache<Key, Figures> figures = Caffeine.newBuilder()
		.expireAfterWrite(HomePageFigures.AT_MOST)
		.maximumSize(ENTRIES)
		.build();

	/** The API's answer for one organisation ({@code /api/v1/organisations/{code}}), kept in the same way. */
	private final Cache<DetailsKey, OrganisationDetails> details = Caffeine.newBuilder()
		.expireAfterWrite(HomePageFigures.AT_MOST)
		.maximumSize(ENTRIES)
		.build();

	/** The latest extract with age bands, by generation: finding it reads every banded row. */
	private final Cache<Long, Optional<LocalDate>> bandedExtract = Caffeine.newBuilder()
		.expireAfterWrite(HomePageFigures.AT_MOST)
		.maximumSize(2)
		.build();

	OrganisationPageFigures(Directory directory, DirectoryPageQueries queries) {
		this.directory = directory;
		this.queries = queries;
	}

	/** The figures of a known code; a code the directory does not hold is a {@link java.util.NoSuchElementException}. */
	public Figures of(String code, LocalDate asAt) {
		long current = generation.get();
		LocalDate today = directory.today();
		return figures.get(new Key(current, code, asAt, today), key -> workOut(current, code, asAt, today));
	}

	/** {@link Directory#get(String)} today, kept; a code the directory does not hold is a NoSuchElementException. */
	public OrganisationDetails details(String code) {
		long current = generation.get();
		LocalDate today = directory.today();
		return details.get(new DetailsKey(current, code, today), key -> directory.get(code));
	}

	private Figures workOut(long current, String code, LocalDate asAt, LocalDate today) {
		OrganisationDetails organisation = directory.get(code);
		List<OrganisationRef> chain = asAt.equals(today) ? organisation.parentChain()
				: directory.parentChain(code, asAt);
		PopulationPyramid pyramid = bandedExtract.get(current, key -> directory.latestBandedExtract())
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

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	public void on(DirectoryChanged changed) {
		forget();
	}

	/** After any change to the directory that publishes no {@link DirectoryChanged} (marking the demo synthetic). */
	public void forget() {
		generation.incrementAndGet();
		figures.invalidateAll();
		details.invalidateAll();
		bandedExtract.invalidateAll();
	}
}
