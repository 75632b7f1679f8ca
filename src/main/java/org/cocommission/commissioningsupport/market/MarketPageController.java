package org.cocommission.commissioningsupport.market;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.cocommission.commissioningsupport.Arrangement;
import org.cocommission.commissioningsupport.CommissioningSupport;
import org.cocommission.commissioningsupport.MarketShare;
import org.cocommission.platform.Exports;
import org.cocommission.platform.Table;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** NHS England's view of the commissioning support market: who buys what from whom, and each provider's share. */
@Controller
class MarketPageController {

	private final CommissioningSupport support;

	private final JsonMapper json;

	MarketPageController(CommissioningSupport support, JsonMapper json) {
		this.support = support;
		this.json = json;
	}

	@GetMapping("/commissioning-support/national")
	String national(Model model) {
		List<MarketShare> shares = support.marketShares();
		List<MarketShare> overall = shares.stream().filter(share -> share.serviceCode() == null).toList();
		model.addAttribute("shares", shares);
		model.addAttribute("overall", overall);
		model.addAttribute("byService", shares.stream().filter(share -> share.serviceCode() != null).toList());
		Map<String, String> names = new LinkedHashMap<>();
		support.services().forEach(service -> names.put(service.code(), service.name()));
		model.addAttribute("serviceNames", names);
		model.addAttribute("chart", json.writeValueAsString(chart(overall)));
		return "commissioning-support/national";
	}

	/** Each provider's share of all value bought. */
	static Chart chart(List<MarketShare> overall) {
		return new Chart(overall.stream().map(share -> share.provider().name()).toList(), "% of value bought",
				List.of(new Chart.Series("Share of value bought", overall.stream()
					.map(share -> share.sharePercent() == null ? "-" : (Object) share.sharePercent())
					.toList())));
	}

	/**
	 * The chart as commissioning-support-charts.js reads it: the providers, the unit and a series of their shares
	 * ({@code "-"} where a provider has none).
	 */
	record Chart(List<String> categories, String unit, List<Series> series) {

		record Series(String name, List<?> values) {
		}
	}

	@GetMapping("/commissioning-support/national.csv")
	ResponseEntity<String> nationalCsv() {
		List<List<Object>> rows = new ArrayList<>();
		for (Arrangement a : support.allArrangements()) {
			rows.add(Arrays.asList(a.ccgCode(), a.service().name(), a.mode().label(),
					a.provider() == null ? String.join(" ", a.sharedWith()) : a.provider().name(),
					a.annualValue() == null ? null : a.annualValue().pounds(), a.endDate()));
		}
		return Exports.csvDownload(new Table("Commissioning support arrangements", List.of("CCG", "Service",
				"Arrangement", "Provider or partners", "Value a year (£)", "Ends"), rows),
				"commissioning-support-arrangements.csv");
	}
}
