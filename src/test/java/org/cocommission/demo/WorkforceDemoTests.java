package org.cocommission.demo;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.cocommission.directory.PopulationQueries;

import static org.assertj.core.api.Assertions.assertThat;

/** The synthetic workforce is realistic: about 6 GP FTE per 10,000 patients nationally, a few practices withheld. */
class WorkforceDemoTests {

	@Test
	void gpFtePer10kIsAboutSixNationallyWithAFewPracticesWithheld() {
		List<PopulationQueries.PracticePopulation> practices = new ArrayList<>();
		for (int i = 0; i < 600; i++) {
			Map<String, Long> band = new LinkedHashMap<>();
			long perBand = 200L + (i % 7) * 20L;
			PopulationQueries.AGE_BANDS.forEach(code -> band.put(code, perBand));
			practices.add(new PopulationQueries.PracticePopulation("D" + (10000 + i), "Practice " + i, "01X",
					new PopulationQueries.BandCounts(band, band)));
		}
		String[] lines = WorkforceDemo.detailed(practices, YearMonth.of(2015, 9), 0).split("\r\n");
		double fte = 0;
		double patients = 0;
		int withheld = 0;
		for (String line : List.of(lines).subList(1, lines.length)) {
			String[] fields = line.split(",");
			if (fields[6].equals("ND")) {
				withheld++;
				continue;
			}
			patients += Double.parseDouble(fields[4]);
			fte += Double.parseDouble(fields[6]);
		}

		assertThat(lines).hasSize(601);
		assertThat(fte / patients * 10_000).isBetween(5.5, 6.5);
		assertThat(withheld).isBetween(1, 30);
	}

	@Test
	void theNationalSeriesGrowsGps21AndConsultants76PerCent() {
		String series = WorkforceDemo.nationalSeries();

		assertThat(series).contains("2000,GPs,28000", "2014,GPs,33880", "2000,Consultants,21000",
				"2014,Consultants,36960");
	}
}
