package org.cocommission.demo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.cocommission.directory.Directory;
import org.cocommission.directory.PopulationQueries;
import org.cocommission.identity.ActingAs;
import org.cocommission.workforce.WorkforceImports;
import org.cocommission.workforce.WorkforceMeasures;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Synthetic workforce for the demo, through the workforce module's own importer: a practice-level detailed file for
 * September of the latest list extract's year and the two years before (GP FTE about 6 per 10,000 patients, nurses
 * about 3, a few practices withheld) and a national series in which GPs grow 21% and consultants 76% from 2000 to 2014.
 * The practice figures reach outcomes as indicators, so the demo's spine charts show them, in the background.
 * <p>
 * On a first start the months load on a thread of their own, beside the contracts, authorisation and commissioning
 * support demos, which neither read the workforce nor are read by it; {@link Loaded} waits for them before the start
 * completes.
 */
@Component
@Order(55)
public class WorkforceDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(WorkforceDemo.class);

	private final boolean enabled;

	private final Directory directory;

	private final PopulationQueries populations;

	private final WorkforceImports imports;

	private final WorkforceMeasures measures;

	private final CompletableFuture<Void> outcomesSupplied = new CompletableFuture<>();

	private final CompletableFuture<Void> loaded = new CompletableFuture<>();

	WorkforceDemo(@Value("${cocommission.demo:false}") boolean enabled, Directory directory,
			PopulationQueries populations, WorkforceImports imports, WorkforceMeasures measures) {
		this.enabled = enabled;
		this.directory = directory;
		this.populations = populations;
		this.imports = imports;
		this.measures = measures;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		if (!ActingAs.system(this::needsLoading)) {
			loaded.complete(null);
			supplyOutcomesInTheBackground();
			return;
		}
		// Two cores: the months' CSV and COPYs on one, the other demos' round trips on the other.
		Thread loader = new Thread(() -> {
			try {
				ActingAs.system(this::load);
				loaded.complete(null);
			}
			catch (RuntimeException | Error ex) {
				loaded.completeExceptionally(ex);
				return;
			}
			supplyOutcomesInTheBackground();
		}, "demo-workforce");
		loader.setDaemon(true);
		loader.start();
	}

	/** Done when the months and the national series are stored (at once when there was nothing to load). */
	CompletableFuture<Void> loaded() {
		return loaded;
	}

	/** Done when outcomes has the demo's workforce indicators (at once when there is nothing to supply). */
	CompletableFuture<Void> outcomesSupplied() {
		return outcomesSupplied;
	}

	private boolean needsLoading() {
		return enabled && directory.isSynthetic() && measures.months().isEmpty();
	}

	private void load() {
		List<LocalDate> extracts = populations.extractDates();
		if (extracts.isEmpty()) {
			return;
		}
		long started = System.nanoTime();
		List<PopulationQueries.PracticePopulation> practices = populations
			.practicePopulations(extracts.get(extracts.size() - 1), null);
		int year = extracts.get(extracts.size() - 1).getYear();
		for (int back = 2; back >= 0; back--) {
			YearMonth month = YearMonth.of(year - back, 9);
			imports.importPracticeDetailedLeavingOutcomes(DemoDataset.FILE_PREFIX + "workforce-" + month + ".csv",
					stream(detailed(practices, month, back)), month);
		}
		imports.importNationalSeries(DemoDataset.FILE_PREFIX + "workforce-national.csv", stream(nationalSeries()));
		log.info("Loaded the synthetic demo workforce: {} practices, 3 months, in {} ms", practices.size(),
				(System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * The months' workforce indicators supplied to outcomes off the start path, in the background (some 90,000
	 * practice values, recomputed with their alerts: seconds the start would otherwise wait for); also the months a
	 * start stopped half-way left unsupplied.
	 */
	private void supplyOutcomesInTheBackground() {
		List<YearMonth> missing = enabled && directory.isSynthetic()
				? ActingAs.system(imports::monthsMissingFromOutcomes) : List.of();
		if (missing.isEmpty()) {
			outcomesSupplied.complete(null);
			return;
		}
		Thread supplier = new Thread(() -> {
			try {
				long started = System.nanoTime();
				ActingAs.system(() -> imports.supplyOutcomes(missing));
				log.info("Demo data: the workforce indicators of {} supplied to outcomes in {} ms", missing,
						(System.nanoTime() - started) / 1_000_000);
				outcomesSupplied.complete(null);
			}
			catch (RuntimeException ex) {
				log.warn("Demo data: the workforce indicators were not supplied to outcomes", ex);
				outcomesSupplied.completeExceptionally(ex);
			}
		}, "demo-workforce-outcomes");
		supplier.setDaemon(true);
		supplier.start();
	}

	/** One month's detailed file; each practice keeps its own staffing level from year to year, with small changes. */
	static String detailed(List<PopulationQueries.PracticePopulation> practices, YearMonth month, int yearsBack) {
		StringBuilder csv = new StringBuilder("PRAC_CODE,PRAC_NAME,CCG_CODE,EXTRACT_DATE,TOTAL_PATIENTS,TOTAL_GP_HC,"
				+ "TOTAL_GP_FTE,TOTAL_GP_EXTGL_HC,TOTAL_GP_EXTGL_FTE,TOTAL_NURSES_HC,TOTAL_NURSES_FTE,"
				+ "TOTAL_DPC_FTE,TOTAL_ADMIN_FTE,TOTAL_GP_HC_UNDER30,TOTAL_GP_HC_30TO54,"
				+ "TOTAL_GP_HC_55TO59,TOTAL_GP_HC_60PLUS,TOTAL_GP_PTNR_PROV_FTE,TOTAL_GP_SAL_BY_PRAC_FTE\r\n");
		for (PopulationQueries.PracticePopulation practice : practices) {
			Random own = new Random(practice.practiceCode().hashCode());
			Random monthly = new Random(practice.practiceCode().hashCode() * 31L + month.getYear());
			long patients = Math.max(500, Math.round(practice.total() * (1 - 0.012 * yearsBack)));
			double gpPer10k = Math.max(3.5, Math.min(9.5, 6.0 + own.nextGaussian() * 0.9 + monthly.nextGaussian() * 0.2
					- 0.1 * (2 - yearsBack)));
			double gpFte = round(patients * gpPer10k / 10_000);
			double qualified = round(gpFte * (0.82 + own.nextDouble() * 0.1));
			int gpHeads = (int) Math.max(1, Math.round(gpFte * (1.2 + own.nextDouble() * 0.3)));
			int qualifiedHeads = (int) Math.max(1, Math.round(gpHeads * qualified / gpFte));
			double nurses = round(patients * (3.0 + own.nextGaussian() * 0.6) / 10_000);
			double dpc = round(patients * Math.max(0.3, 1.6 + own.nextGaussian() * 0.6) / 10_000);
			double admin = round(patients * (11.0 + own.nextGaussian() * 1.8) / 10_000);
			int aged55Plus = (int) Math.round(gpHeads * (0.12 + own.nextDouble() * 0.18));
			int over60 = aged55Plus / 2;
			int under30 = gpHeads > 4 ? 1 : 0;
			boolean withheld = monthly.nextInt(60) == 0;
			// Partners' share of the qualified GPs falls about 3 points a year as more GPs take salaried posts. The
			// partner and salaried columns take the place of the direct patient care and admin headcounts, which no
			// measure uses, so the demo stores as many figures as before (its start-up time is unchanged).
			double partners = round(qualified * Math.max(0.3, Math.min(0.95, 0.74 - 0.03 * (2 - yearsBack)
					+ own.nextGaussian() * 0.08)));
			double salaried = round(Math.max(0, qualified - partners));
			String gp = withheld ? "ND,ND,ND,ND" : gpHeads + "," + gpFte + "," + qualifiedHeads + "," + qualified;
			csv.append(practice.practiceCode())
				.append(',')
				.append('"')
				.append(practice.practiceName().replace("\"", "\"\""))
				.append('"')
				.append(',')
				.append(practice.ccgCode() == null ? "" : practice.ccgCode())
				.append(',')
				.append(month.atEndOfMonth())
				.append(',')
				.append(patients)
				.append(',')
				.append(gp)
				.append(',')
				.append(heads(nurses))
				.append(',')
				.append(nurses)
				.append(',')
				.append(dpc)
				.append(',')
				.append(admin)
				.append(',')
				.append(withheld ? "ND" : String.valueOf(under30))
				.append(',')
				.append(withheld ? "ND" : String.valueOf(Math.max(0, gpHeads - under30 - aged55Plus)))
				.append(',')
				.append(withheld ? "ND" : String.valueOf(aged55Plus - over60))
				.append(',')
				.append(withheld ? "ND" : String.valueOf(over60))
				.append(',')
				.append(withheld ? "ND" : String.valueOf(partners))
				.append(',')
				.append(withheld ? "ND" : String.valueOf(salaried))
				.append("\r\n");
		}
		return csv.toString();
	}

	/** GPs 21% and hospital consultants 76% up from 2000 to 2014, growing evenly year on year. */
	static String nationalSeries() {
		StringBuilder csv = new StringBuilder("YEAR,STAFF_GROUP,FTE\r\n");
		for (int year = 2000; year <= 2014; year++) {
			double share = (year - 2000) / 14.0;
			csv.append(String.format(Locale.ROOT, "%d,GPs,%.0f\r\n", year, 28_000 * Math.pow(1.21, share)));
			csv.append(String.format(Locale.ROOT, "%d,Consultants,%.0f\r\n", year, 21_000 * Math.pow(1.76, share)));
		}
		return csv.toString();
	}

	private static double round(double fte) {
		return Math.round(fte * 100) / 100.0;
	}

	private static long heads(double fte) {
		return Math.max(fte > 0 ? 1 : 0, Math.round(fte * 1.3));
	}

	private static ByteArrayInputStream stream(String csv) {
		return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * After the other demos of a first start (commissioning support is 62): waits for the workforce's months, so that
	 * the start completes, and the demo load lock is released, only once they are stored, and fails when they failed.
	 */
	@Component
	@Order(63)
	static class Loaded implements ApplicationRunner {

		private final WorkforceDemo demo;

		Loaded(WorkforceDemo demo) {
			this.demo = demo;
		}

		@Override
		public void run(ApplicationArguments arguments) {
			try {
				demo.loaded.join();
			}
			catch (java.util.concurrent.CompletionException ex) {
				throw new IllegalStateException("The workforce demo failed to load", ex.getCause());
			}
		}
	}
}
