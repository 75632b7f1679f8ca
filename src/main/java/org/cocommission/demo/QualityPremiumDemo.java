package org.cocommission.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import org.cocommission.directory.CcgListSizes;
import org.cocommission.directory.Directory;
import org.cocommission.identity.ActingAs;
import org.cocommission.platform.FinancialYear;
import org.cocommission.qualitypremium.DataImportReport;
import org.cocommission.qualitypremium.LocalMeasure;
import org.cocommission.qualitypremium.LocalMeasures;
import org.cocommission.qualitypremium.QualityPremium;
import org.cocommission.qualitypremium.RunSummary;

/**
 * Synthetic 2013/14 quality premium results for every demo CCG, made through the module's own API: local measures
 * proposed and agreed, a generated achievement CSV uploaded, every premium computed and published. Deterministic
 * (fixed seed) and tuned to the real national shape: about a third of the available money paid (£86.3m of £269m),
 * about one CCG in eight paid nothing (28 of 215), the best at 87.5% of its maximum.
 */
@Component
@Order(30)
public class QualityPremiumDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(QualityPremiumDemo.class);

	static final FinancialYear YEAR = new FinancialYear(2013);

	private final boolean enabled;

	private final Directory directory;

	private final CcgListSizes listSizes;

	private final QualityPremium qualityPremium;

	private final LocalMeasures localMeasures;

	QualityPremiumDemo(@Value("${cocommission.demo:false}") boolean enabled, Directory directory, CcgListSizes listSizes,
			QualityPremium qualityPremium, LocalMeasures localMeasures) {
		this.enabled = enabled;
		this.directory = directory;
		this.listSizes = listSizes;
		this.qualityPremium = qualityPremium;
		this.localMeasures = localMeasures;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		ActingAs.system(this::loadAtStart);
	}

	private void loadAtStart() {
		if (enabled && directory.isSynthetic() && qualityPremium.publishedRun(YEAR).isEmpty()) {
			load();
		}
	}

	void load() {
		long started = System.nanoTime();
		List<String> ccgs = listSizes.extractFor(YEAR.firstDay())
			.map(date -> List.copyOf(listSizes.at(date).patients().keySet()))
			.orElse(List.of());
		if (ccgs.isEmpty()) {
			return;
		}
		Random random = new Random(2013_14L);
		agreeLocalMeasures(ccgs, random);
		byte[] csv = achievementCsv(ccgs, random).getBytes(StandardCharsets.UTF_8);
		DataImportReport report = qualityPremium.importData(YEAR, "synthetic-quality-premium-2013-14.csv", csv);
		if (report.rejected()) {
			throw new IllegalStateException("The synthetic quality premium data was rejected: " + report.errors());
		}
		RunSummary run = qualityPremium.publish(qualityPremium.compute(YEAR).id());
		log.info("Synthetic quality premium {}: {} paid of {} to {} CCGs ({} nothing), in {} ms", YEAR,
				run.totalPaid().formatted(), run.totalMaximum().formatted(), run.ccgs(), run.ccgsPaidNothing(),
				(System.nanoTime() - started) / 1_000_000);
	}

	/** Every CCG proposes three local measures; its area team agrees them, but rejects about one in twenty-five. */
	private void agreeLocalMeasures(List<String> ccgs, Random random) {
		String[][] topics = { { "Falls in care homes", "Emergency admissions for falls of people in care homes fall by 5%" },
				{ "Diabetes care processes", "At least 60% of people with diabetes receive all eight care processes" },
				{ "Dementia diagnosis", "The dementia diagnosis rate reaches at least 60% of expected prevalence" },
				{ "Smoking in pregnancy", "Smoking at time of delivery falls to 11% or less" },
				{ "End of life care", "More people die in their usual place of residence than the year before" } };
		List<LocalMeasures.Proposal> proposals = new ArrayList<>();
		for (String ccg : ccgs) {
			for (int slot = 1; slot <= 3; slot++) {
				String[] topic = topics[random.nextInt(topics.length)];
				proposals.add(new LocalMeasures.Proposal(ccg, "LOCAL" + slot, topic[0], topic[1]));
			}
		}
		List<LocalMeasures.Decision> decisions = new ArrayList<>();
		for (LocalMeasure proposed : localMeasures.proposeAll(YEAR, proposals)) {
			boolean reject = random.nextDouble() < 0.04 && !proposed.ccgCode().equals(ccgs.get(0));
			decisions.add(new LocalMeasures.Decision(proposed.id(), proposed.version(), !reject,
					reject ? "The baseline is not published, so achievement could not be checked" : null));
		}
		localMeasures.decideAll(decisions);
	}

	private static String achievementCsv(List<String> ccgs, Random random) {
		StringBuilder csv = new StringBuilder("CCG_CODE,RECORD,CODE,PERIOD,VALUE,NUMERATOR,DENOMINATOR,TARGET\n");
		String year = YEAR.toString();
		String baseline = YEAR.previous().toString();
		for (int index = 0; index < ccgs.size(); index++) {
			String ccg = ccgs.get(index);
			// The first CCG is the year's best: everything but PYLL achieved, every standard met (87.5%).
			boolean best = index == 0;
			List<String> rows = new ArrayList<>();
			double aeaBase = 1200 + random.nextInt(800);
			boolean aea = best || random.nextDouble() < 0.35;
			rows.add(row(ccg, "MEASURE", "AEA", baseline, aeaBase));
			rows.add(row(ccg, "MEASURE", "AEA", year, aeaBase * (aea ? 1 - random.nextDouble() * 0.05 : 1.005 + random.nextDouble() * 0.05)));
			double pyllBase = 1800 + random.nextInt(900);
			boolean pyll = !best && random.nextDouble() < 0.5;
			rows.add(row(ccg, "MEASURE", "PYLL", baseline, pyllBase));
			rows.add(row(ccg, "MEASURE", "PYLL", year, pyllBase * (pyll ? 0.96 - random.nextDouble() * 0.04 : 0.975 + random.nextDouble() * 0.04)));
			rows.add(row(ccg, "MEASURE", "FFT", year, best || random.nextDouble() < 0.75 ? 1 : 0));
			rows.add(row(ccg, "MEASURE", "MRSA", year, best || random.nextDouble() < 0.3 ? 0 : 1 + random.nextInt(4)));
			int cdiffTarget = 20 + random.nextInt(40);
			boolean cdiff = best || random.nextDouble() < 0.6;
			rows.add(row(ccg, "MEASURE", "CDIFF", year, cdiff ? cdiffTarget - random.nextInt(8) : cdiffTarget + 1 + random.nextInt(10))
					.replaceAll(",,,$", ",,," + cdiffTarget));
			for (int slot = 1; slot <= 3; slot++) {
				rows.add(row(ccg, "MEASURE", "LOCAL" + slot, year, best || random.nextDouble() < 0.55 ? 1 : 0));
			}
			standard(rows, ccg, "RTT18", 92, best ? 0 : 0.1, random);
			standard(rows, ccg, "AE4H", 95, best ? 0 : 0.45, random);
			standard(rows, ccg, "CANCER62", 85, best ? 0 : 0.15, random);
			standard(rows, ccg, "AMBRED1", 75, best ? 0 : 0.35, random);
			rows.add(row(ccg, "GATEWAY", "FINANCE", year, best || random.nextDouble() >= 0.07 ? 1 : 0));
			rows.add(row(ccg, "GATEWAY", "QUALITY", year, best || random.nextDouble() >= 0.06 ? 1 : 0));
			rows.forEach(line -> csv.append(line).append('\n'));
		}
		return csv.toString();
	}

	private static void standard(List<String> rows, String ccg, String code, double threshold, double missChance,
			Random random) {
		boolean missed = random.nextDouble() < missChance;
		double value = missed ? threshold - 0.1 - random.nextDouble() * 5 : threshold + random.nextDouble() * Math.min(4, 100 - threshold);
		rows.add(row(ccg, "STANDARD", code, YEAR.toString(), value));
	}

	private static String row(String ccg, String record, String code, String period, double value) {
		return ccg + "," + record + "," + code + "," + period + ","
				+ BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + ",,,";
	}
}
