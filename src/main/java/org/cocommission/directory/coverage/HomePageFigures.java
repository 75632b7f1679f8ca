package org.cocommission.directory.coverage;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

import org.cocommission.directory.Coverage;
import org.cocommission.directory.Directory;
import org.cocommission.directory.NationalSummary;
import org.cocommission.directory.cache.DirectoryCache;
import org.cocommission.directory.cache.DirectoryGeneration;

/**
 * The home page's national figures (the summary and today's coverage), and coverage on the other dates the API and the
 * coverage page are asked for, kept between visits: computing coverage reads every practice's memberships and list,
 * which under 20 clients made the home page's median 662 ms (issue 18). Kept under the {@link DirectoryGeneration}:
 * forgotten when a change to the directory commits and after {@link DirectoryGeneration#AT_MOST}; figures a visit was
 * working out while a change committed are never shown after it.
 */
@Component
public class HomePageFigures {

	public record Figures(NationalSummary summary, Coverage coverage) {
	}

	/** Coverage on as many dates as a reader of the API or the coverage page may ask for in five minutes. */
	private static final int DATES = 500;

	private final Directory directory;

	/** By today's date. */
	private final DirectoryCache<LocalDate, Figures> figures;

	/** By the date asked for. */
	private final DirectoryCache<LocalDate, Coverage> coverages;

	HomePageFigures(Directory directory, DirectoryGeneration generation) {
		this.directory = directory;
		this.figures = generation.cache(2);
		this.coverages = generation.cache(DATES);
	}

	public Figures today() {
		return figures.get(directory.today(), today -> new Figures(directory.summary(), coverage(today)));
	}

	/** {@link Directory#coverage(LocalDate)}, kept: the API and the coverage page ask for it on any date. */
	public Coverage coverage(LocalDate on) {
		return coverages.get(on, directory::coverage);
	}
}
