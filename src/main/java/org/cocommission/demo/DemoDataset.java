package org.cocommission.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cocommission.directory.OrganisationType;
import org.cocommission.identity.Role;
import org.cocommission.identity.UserAccounts;

/**
 * The synthetic national directory: 4 regions, 27 area teams, 211 CCGs and about 7,800 GP practices with about 56
 * million registered patients at full scale, as the files the NHS publishes; three of the CCGs merged into a new one
 * on 1 April 2018 ({@link #mergers()}), so 209 CCGs are open today. The same scale always gives the same
 * files. A smaller scale keeps the four regions and every rule (each practice in one CCG, each CCG in one area team)
 * with fewer area teams, CCGs and practices: 0.05 gives 4 area teams, 11 CCGs and about 400 practices.
 */
public final class DemoDataset {

	/** Every demo file's name starts with this, so that the import log tells demo imports from real ones. */
	public static final String FILE_PREFIX = "demo-";

	private final double scale;

	private final List<DemoFile> files;

	private final List<DemoOrganisation> organisations;

	private final LocalDate latestExtract;

	private final List<DemoMerger> mergers;

	DemoDataset(double scale, List<DemoFile> files, List<DemoOrganisation> organisations, LocalDate latestExtract) {
		this(scale, files, organisations, latestExtract, List.of());
	}

	DemoDataset(double scale, List<DemoFile> files, List<DemoOrganisation> organisations, LocalDate latestExtract,
			List<DemoMerger> mergers) {
		this.scale = scale;
		this.files = List.copyOf(files);
		this.organisations = List.copyOf(organisations);
		this.latestExtract = latestExtract;
		this.mergers = List.copyOf(mergers);
	}

	/** Generates the dataset; {@code scale} is above 0 and at most 1 (the whole country). */
	public static DemoDataset generate(double scale) {
		return DemoGenerator.generate(scale);
	}

	public double scale() {
		return scale;
	}

	/**
	 * The files in import order: regions, area teams, CSUs, CCGs, practices, memberships and successors (when the demo
	 * has its merger), then the lists, oldest first.
	 */
	public List<DemoFile> files() {
		return files;
	}

	/**
	 * Every organisation, parents before children; a practice's parent is its CCG at the latest extract (January 2014),
	 * so a practice of a CCG that merged later names its 2013 CCG.
	 */
	public List<DemoOrganisation> organisations() {
		return organisations;
	}

	public List<DemoOrganisation> organisations(OrganisationType type) {
		return organisations.stream().filter(organisation -> organisation.type() == type).toList();
	}

	/** Open GP practices: prescribing setting 4, status A. */
	public List<DemoOrganisation> openPractices() {
		return organisations.stream().filter(DemoOrganisation::isOpenGpPractice).toList();
	}

	/** Registered patients at the latest extract. */
	public long patients() {
		return openPractices().stream().mapToLong(DemoOrganisation::patients).sum();
	}

	public LocalDate latestExtract() {
		return latestExtract;
	}

	/** The CCG mergers of the demo: one at scales that keep its three CCGs (0.05 and above), none below. */
	public List<DemoMerger> mergers() {
		return mergers;
	}

	/**
	 * One account per commissioner and practice: {@code national} (NHS England), {@code area-q74},
	 * {@code ccg-00k}, {@code practice-a81001}, and so on for every area team, CCG and open GP practice.
	 */
	public List<UserAccounts.DemoAccount> demoAccounts() {
		List<UserAccounts.DemoAccount> accounts = new ArrayList<>();
		accounts.add(account("national", "NHS England national commissioner", Role.NATIONAL, "X24"));
		organisations(OrganisationType.AREA_TEAM)
			.forEach(team -> accounts.add(account("area-" + team.code(), "Area team " + team.code() + " commissioner",
					Role.AREA_TEAM, team.code())));
		organisations(OrganisationType.CCG).forEach(ccg -> accounts
			.add(account("ccg-" + ccg.code(), "CCG " + ccg.code() + " commissioner", Role.CCG, ccg.code())));
		openPractices().forEach(practice -> accounts.add(account("practice-" + practice.code(),
				"Practice " + practice.code() + " manager", Role.PRACTICE, practice.code())));
		return accounts;
	}

	private static UserAccounts.DemoAccount account(String username, String displayName, Role role, String code) {
		String lower = username.toLowerCase(Locale.ROOT);
		return new UserAccounts.DemoAccount(lower, displayName, lower + "@demo.cocommission.example", role, code);
	}
}
