package org.cocommission.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.cocommission.directory.Directory;
import org.cocommission.directory.PopulationQueries;
import org.cocommission.identity.ActingAs;
import org.cocommission.outcomes.ImportFormat;
import org.cocommission.outcomes.ObservationImportReport;
import org.cocommission.outcomes.ObservationImports;
import org.cocommission.outcomes.OutcomesValues;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A synthetic three-year series (financial years 2013/14 to 2015/16, yearly periods) of the starter indicators for
 * every demo practice and CCG, loaded through the outcomes module's own imports: practice deprivation scores as a
 * Fingertips export (which also makes the CCG peer groups), then one long CSV of every observation. Figures are drawn
 * around plausible national levels from each practice's age structure, a shared CCG effect and a practice effect,
 * with a fixed seed, so the same directory always gives the same data. None of it is real.
 */
@Component
@Order(40)
public class OutcomesDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(OutcomesDemo.class);

	static final List<String> YEARS = List.of("2013/14", "2014/15", "2015/16");

	private static final long SEED = 2013_2016L;

	/** QOF groups: national prevalence (%) in 2013/14, share of the list in the group's denominator, age sensitivity. */
	private static final Object[][] QOF = { { "AF", 1.6, 1.0, 1.5 }, { "AST", 5.9, 1.0, 0.0 }, { "CAN", 2.3, 1.0, 1.0 },
			{ "CHD", 3.3, 1.0, 1.3 }, { "CKD", 4.1, 0.79, 1.5 }, { "COPD", 1.8, 1.0, 1.0 }, { "CVDPP", 1.0, 0.53, 0.3 },
			{ "DEM", 0.7, 1.0, 2.0 }, { "DEP", 6.5, 0.79, 0.0 }, { "DM", 6.2, 0.8, 0.7 }, { "EP", 0.8, 0.79, 0.0 },
			{ "HF", 0.7, 1.0, 1.5 }, { "HYP", 13.7, 1.0, 1.0 }, { "LD", 0.4, 1.0, 0.0 }, { "MH", 0.9, 1.0, -0.3 },
			{ "OB", 9.0, 0.79, 0.2 }, { "OST", 0.5, 0.42, 1.5 }, { "PAD", 0.6, 1.0, 1.3 }, { "PC", 0.3, 1.0, 1.0 },
			{ "RA", 0.7, 0.81, 0.8 }, { "STIA", 1.7, 1.0, 1.3 } };

	/** CCG indicators: id, England rate per 100,000, yearly change, effect of deprivation. */
	private static final Object[][] CCG = { { "CCGOIS-1.1", 2061.0, -0.02, 0.25 }, { "CCGOIS-1.2", 62.0, -0.03, 0.2 },
			{ "CCGOIS-1.4", 24.0, -0.01, 0.3 }, { "CCGOIS-1.6", 135.0, -0.015, 0.15 }, { "CCGOIS-2.6", 810.0, 0.01, 0.25 },
			{ "CCGOIS-2.7", 320.0, 0.0, 0.2 }, { "CCGOIS-3.1", 1200.0, 0.02, 0.2 }, { "CCGOIS-5.1", 2600.0, 0.06, -0.05 } };

	/** The directly standardised rates of {@link #CCG}, shipped by age band. */
	private static final java.util.Set<Object> STANDARDISED = java.util.Set.of("CCGOIS-1.1", "CCGOIS-1.2", "CCGOIS-1.4",
			"CCGOIS-1.6", "CCGOIS-2.6", "CCGOIS-2.7", "CCGOIS-3.1");

	/** The European Standard Population 2013 by five-year band to 90 and over (as outcomes stores it). */
	private static final double[] ESP_2013 = { 5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000, 6500,
			6000, 5500, 5000, 4000, 2500, 1500, 1000 };

	private final boolean enabled;

	private final Directory directory;

	private final PopulationQueries populations;

	private final ObservationImports imports;

	private final OutcomesValues values;

	private final DemoUsers users;

	OutcomesDemo(@Value("${cocommission.demo:false}") boolean enabled, Directory directory, PopulationQueries populations,
			ObservationImports imports, OutcomesValues values, DemoUsers users) {
		this.enabled = enabled;
		this.directory = directory;
		this.populations = populations;
		this.imports = imports;
		this.values = values;
		this.users = users;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		ActingAs.system(this::loadAtStart);
	}

	private void loadAtStart() {
		if (!enabled || !directory.isSynthetic() || values.hasValues()) {
			return;
		}
		List<LocalDate> extracts = populations.extractDates();
		if (extracts.isEmpty()) {
			log.warn("No registered lists by age and sex: the outcomes demo is not loaded");
			return;
		}
		if (!users.exists(DemoUsers.NATIONAL)) {
			log.warn("No demo user 'national': the outcomes demo is not loaded");
			return;
		}
		users.asNational(() -> load(extracts.get(extracts.size() - 1)));
	}

	private void load(LocalDate extract) {
		long started = System.nanoTime();
		List<PopulationQueries.PracticePopulation> practices = populations.practicePopulations(extract, null)
			.stream()
			.filter(practice -> practice.ccgCode() != null && practice.total() > 0)
			.toList();
		Map<String, Double> ccgEffect = new LinkedHashMap<>();
		Map<String, Double> practiceDeprivation = new LinkedHashMap<>();
		Random random = new Random(SEED);
		for (PopulationQueries.PracticePopulation practice : practices) {
			double ccg = ccgEffect.computeIfAbsent(practice.ccgCode(), code -> new Random(SEED ^ code.hashCode()).nextGaussian());
			practiceDeprivation.put(practice.practiceCode(), 0.7 * ccg + 0.7 * random.nextGaussian());
		}
		Path deprivation = write("deprivation", writer -> deprivationFile(writer, practiceDeprivation));
		Path observations = write("observations", writer -> observationFile(writer, practices, ccgEffect,
				practiceDeprivation));
		ObservationImportReport context = importFile(ImportFormat.FINGERTIPS, "synthetic-deprivation-fingertips.csv", deprivation);
		ObservationImportReport report = importFile(ImportFormat.LONG, "synthetic-outcomes-2013-2016.csv", observations);
		Path bands = write("age-bands", writer -> bandFile(writer, practices, ccgEffect));
		ObservationImportReport banded = importFile(ImportFormat.AGE_BANDS, "synthetic-standardised-2013-2016.csv", bands);
		log.info("Loaded the synthetic outcomes demo: {} practices, {} deprivation scores, {} observations over {} in {} ms",
				practices.size(), context.stored(), report.stored() + banded.stored(), YEARS, (System.nanoTime() - started) / 1_000_000);
	}

	private ObservationImportReport importFile(ImportFormat format, String name, Path file) {
		try (InputStream content = Files.newInputStream(file)) {
			return imports.importFile(format, null, name, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				log.warn("Could not delete {}", file);
			}
		}
	}

	/** IMD-like scores (England about 21.7) as a Fingertips export of indicator 93553, one row per practice. */
	private static void deprivationFile(BufferedWriter writer, Map<String, Double> deprivation) throws IOException {
		writer.write("Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,"
				+ "Category Type,Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,"
				+ "Upper CI 99.8 limit,Count,Denominator,Value note,Recent Trend,Compared to England value or percentiles,"
				+ "Compared to percentiles,Time period Sortable,New data,Compared to goal,Time period range\n");
		for (Map.Entry<String, Double> entry : deprivation.entrySet()) {
			double score = Math.max(2, 21.7 + 9 * entry.getValue());
			writer.write("93553,Deprivation score (synthetic),E92000001,England," + entry.getKey() + ",,GP,Persons,All ages,,,"
					+ "2015," + String.format(java.util.Locale.ROOT, "%.3f", score) + ",,,,,,,,,,,,,,1y\n");
		}
	}

	private static void observationFile(BufferedWriter writer, List<PopulationQueries.PracticePopulation> practices,
			Map<String, Double> ccgEffect, Map<String, Double> deprivation) throws IOException {
		writer.write("ORG_CODE,INDICATOR_ID,PERIOD,NUMERATOR,DENOMINATOR\n");
		double nationalOld = practices.stream().mapToDouble(p -> aged(p, 65)).sum()
				/ practices.stream().mapToDouble(PopulationQueries.PracticePopulation::total).sum();
		Random random = new Random(SEED + 1);
		for (PopulationQueries.PracticePopulation practice : practices) {
			long list = practice.total();
			double old = aged(practice, 65);
			double ageFactor = Math.max(0.2, (old / list) / nationalOld);
			double dep = deprivation.get(practice.practiceCode());
			double practiceEffect = random.nextGaussian();
			for (int year = 0; year < YEARS.size(); year++) {
				String period = YEARS.get(year);
				double listThisYear = Math.round(list * (1 + 0.01 * year));
				for (Object[] group : QOF) {
					double prevalence = (double) group[1] / 100 * Math.pow(ageFactor, (double) group[3])
							* Math.exp(0.08 * dep + 0.05 * practiceEffect) * (1 + 0.02 * year);
					long denominator = Math.round(listThisYear * (double) group[2]);
					row(writer, practice.practiceCode(), "QOF-" + group[0], period,
							draw(random, denominator, Math.min(0.5, prevalence)), denominator);
				}
				long over65 = Math.max(1, Math.round(old * (1 + 0.01 * year)));
				row(writer, practice.practiceCode(), "PRAC-FLU65", period,
						draw(random, over65, clamp(0.73 - 0.02 * dep + 0.03 * practiceEffect + 0.005 * year)), over65);
				long women = Math.max(1, Math.round(listThisYear * 0.27));
				row(writer, practice.practiceCode(), "PRAC-CERV", period,
						draw(random, women, clamp(0.75 - 0.025 * dep + 0.02 * practiceEffect - 0.007 * year)), women);
				long diabetes = Math.max(1, Math.round(listThisYear * 0.8 * 0.062 * Math.pow(ageFactor, 0.7)));
				row(writer, practice.practiceCode(), "PRAC-DMHBA", period,
						draw(random, diabetes, clamp(0.66 - 0.02 * dep + 0.04 * practiceEffect + 0.01 * year)), diabetes);
				long respondents = 80 + random.nextInt(60);
				row(writer, practice.practiceCode(), "PRAC-GPPS", period,
						draw(random, respondents, clamp(0.85 - 0.02 * dep + 0.05 * practiceEffect - 0.005 * year)),
						respondents);
				double admissions = 0.1 * Math.pow(ageFactor, 0.8) * Math.exp(0.1 * dep + 0.05 * practiceEffect) * (1 + 0.02 * year);
				writer.write(practice.practiceCode() + ",PRAC-EMADM," + period + "," + poisson(random, list * admissions) + ",\n");
			}
		}
		Map<String, Long> ccgLists = new LinkedHashMap<>();
		for (PopulationQueries.PracticePopulation practice : practices) {
			ccgLists.merge(practice.ccgCode(), practice.total(), Long::sum);
		}
		for (Map.Entry<String, Long> ccg : ccgLists.entrySet()) {
			double dep = ccgEffect.get(ccg.getKey());
			for (int year = 0; year < YEARS.size(); year++) {
				for (Object[] indicator : CCG) {
					if (STANDARDISED.contains(indicator[0])) {
						continue;
					}
					double rate = (double) indicator[1] / 100_000 * Math.exp((double) indicator[3] * dep
							+ 0.05 * random.nextGaussian()) * (1 + (double) indicator[2] * year);
					writer.write(ccg.getKey() + "," + indicator[0] + "," + YEARS.get(year) + ","
							+ poisson(random, ccg.getValue() * rate) + ",\n");
				}
			}
		}
	}

	/**
	 * The standardised rates by age band and sex, as their publishers give them for direct standardisation: each
	 * CCG's registered population per band, and events drawn at a rate rising with age, scaled so that the rate
	 * standardised to the European Standard Population 2013 is the indicator's England figure. Standardised rates
	 * take age out, so only deprivation and chance move a CCG from England.
	 */
	private static void bandFile(BufferedWriter writer, List<PopulationQueries.PracticePopulation> practices,
			Map<String, Double> ccgEffect) throws IOException {
		writer.write("ORG_CODE,INDICATOR_ID,PERIOD,AGE_BAND,SEX,NUMERATOR,POPULATION\n");
		Map<String, long[][]> ccgBands = new LinkedHashMap<>();
		List<String> bands = PopulationQueries.AGE_BANDS;
		for (PopulationQueries.PracticePopulation practice : practices) {
			long[][] counts = ccgBands.computeIfAbsent(practice.ccgCode(), code -> new long[2][bands.size()]);
			for (int band = 0; band < bands.size(); band++) {
				counts[0][band] += practice.counts().male().getOrDefault(bands.get(band), 0L);
				counts[1][band] += practice.counts().female().getOrDefault(bands.get(band), 0L);
			}
		}
		// Relative rate by band, exp(0.07 x (age - 50)), scaled to average 1 over the standard population.
		double[] weight = new double[bands.size()];
		double standardised = 0;
		for (int band = 0; band < bands.size(); band++) {
			weight[band] = Math.exp(0.07 * (5 * band + 2 - 50));
			standardised += ESP_2013[band] * weight[band] / 100_000;
		}
		Random random = new Random(SEED + 2);
		for (Map.Entry<String, long[][]> ccg : ccgBands.entrySet()) {
			double dep = ccgEffect.get(ccg.getKey());
			for (int year = 0; year < YEARS.size(); year++) {
				for (Object[] indicator : CCG) {
					if (!STANDARDISED.contains(indicator[0])) {
						continue;
					}
					double rate = (double) indicator[1] / 100_000 * Math.exp((double) indicator[3] * dep
							+ 0.05 * random.nextGaussian()) * (1 + (double) indicator[2] * year) / standardised;
					for (int band = 0; band < bands.size(); band++) {
						for (int sex = 0; sex < 2; sex++) {
							long population = ccg.getValue()[sex][band];
							writer.write(ccg.getKey() + "," + indicator[0] + "," + YEARS.get(year) + "," + bands.get(band)
									+ "," + (sex == 0 ? "MALE" : "FEMALE") + ","
									+ (population == 0 ? 0 : poisson(random, population * rate * weight[band])) + ","
									+ population + "\n");
						}
					}
				}
			}
		}
	}

	private static void row(BufferedWriter writer, String org, String indicator, String period, long numerator,
			long denominator) throws IOException {
		writer.write(org + "," + indicator + "," + period + "," + numerator + "," + denominator + "\n");
	}

	/** A binomial count, by its normal approximation (the lists are large), kept within 0..n. */
	private static long draw(Random random, long n, double p) {
		double mean = n * p;
		double sd = Math.sqrt(n * p * (1 - p));
		return Math.max(0, Math.min(n, Math.round(mean + sd * random.nextGaussian())));
	}

	private static long poisson(Random random, double mean) {
		return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
	}

	private static double clamp(double p) {
		return Math.max(0.02, Math.min(0.98, p));
	}

	private static double aged(PopulationQueries.PracticePopulation practice, int from) {
		double count = 0;
		for (String band : PopulationQueries.AGE_BANDS) {
			if (Integer.parseInt(band.replace("+", "").split("_")[0]) >= from) {
				count += practice.counts().male().getOrDefault(band, 0L) + practice.counts().female().getOrDefault(band, 0L);
			}
		}
		return count;
	}

	private static Path write(String name, FileBody body) {
		try {
			Path file = Files.createTempFile("cocommission-outcomes-demo-" + name, ".csv");
			try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
				body.write(writer);
			}
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@FunctionalInterface
	private interface FileBody {

		void write(BufferedWriter writer) throws IOException;
	}
}
