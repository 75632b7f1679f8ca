package org.cocommission.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.cocommission.commissioningsupport.ArrangementForm;
import org.cocommission.commissioningsupport.ArrangementMode;
import org.cocommission.commissioningsupport.CommissioningSupport;
import org.cocommission.commissioningsupport.SupportProvider;
import org.cocommission.directory.Directory;
import org.cocommission.directory.PopulationQueries;
import org.cocommission.identity.ActingAs;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Synthetic commissioning support arrangements for the demo, through the module's API: each CCG buys business
 * intelligence, contracting and IT from a commissioning support unit (procurement from an independent provider for
 * about one in five), makes HR, finance and communications, and shares medicines management with the next CCG.
 */
@Component
@Order(62)
public class CommissioningSupportDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CommissioningSupportDemo.class);

	private final boolean enabled;

	private final Directory directory;

	private final PopulationQueries populations;

	private final CommissioningSupport support;

	CommissioningSupportDemo(@Value("${cocommission.demo:false}") boolean enabled, Directory directory,
			PopulationQueries populations, CommissioningSupport support) {
		this.enabled = enabled;
		this.directory = directory;
		this.populations = populations;
		this.support = support;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		ActingAs.system(this::loadAtStart);
	}

	private void loadAtStart() {
		if (!enabled || !directory.isSynthetic() || !support.allArrangements().isEmpty()) {
			return;
		}
		List<SupportProvider> csus = support.providers().stream().filter(SupportProvider::csu).toList();
		if (csus.isEmpty()) {
			csus = List.of(support.addProvider("Demo Commissioning Support Unit"));
		}
		SupportProvider independent = support.addProvider("Northgate Procurement Partners Ltd");
		List<PopulationQueries.CcgRef> ccgs = populations.ccgs();
		for (int i = 0; i < ccgs.size(); i++) {
			String ccg = ccgs.get(i).code();
			Random random = new Random(ccg.hashCode());
			SupportProvider csu = csus.get(Math.floorMod(ccg.hashCode(), csus.size()));
			LocalDate ends = LocalDate.of(2016 + random.nextInt(2), 3, 31);
			buy(ccg, "BUSINESS_INTELLIGENCE", csu, 150_000 + random.nextInt(250_000), ends);
			buy(ccg, "CONTRACTING", csu, 80_000 + random.nextInt(120_000), ends);
			buy(ccg, "IT", csu, 200_000 + random.nextInt(300_000), ends);
			buy(ccg, "PROCUREMENT", random.nextInt(5) == 0 ? independent : csu, 30_000 + random.nextInt(60_000), ends);
			for (String service : List.of("HR", "FINANCE", "COMMUNICATIONS")) {
				support.record(ccg, new ArrangementForm(service, ArrangementMode.MAKE, null, null, null, null));
			}
			if (ccgs.size() > 1) {
				support.record(ccg, new ArrangementForm("MEDICINES_MANAGEMENT", ArrangementMode.SHARE, null,
						ccgs.get((i + 1) % ccgs.size()).code(), BigDecimal.valueOf(40_000 + random.nextInt(40_000)),
						null));
			}
		}
		log.info("Recorded the synthetic demo's commissioning support arrangements for {} CCGs", ccgs.size());
	}

	private void buy(String ccg, String service, SupportProvider provider, int pounds, LocalDate ends) {
		support.record(ccg, new ArrangementForm(service, ArrangementMode.BUY, provider.code(), null,
				BigDecimal.valueOf(pounds), ends));
	}
}
