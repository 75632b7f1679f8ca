package org.cocommission.qualitypremium;

import java.io.IOException;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import org.cocommission.platform.FinancialYear;

/** Uploading a year's CCG achievement data as CSV, with the row-by-row report and the recent uploads. */
@Controller
@RequestMapping("/quality-premium/data")
class DataPageController {

	private final QualityPremium service;

	private final QualityPremiumSchemes schemes;

	DataPageController(QualityPremium service, QualityPremiumSchemes schemes) {
		this.service = service;
		this.schemes = schemes;
	}

	@GetMapping
	String data(@RequestParam(required = false) String year, Model model) {
		List<Scheme> all = schemes.schemes();
		model.addAttribute("schemes", all);
		FinancialYear selected = year == null || year.isBlank() ? (all.isEmpty() ? null : all.get(0).year())
				: FinancialYear.parse(year);
		model.addAttribute("selectedYear", selected == null ? null : selected.toString());
		model.addAttribute("recent", selected == null ? List.of() : service.recentImports(selected));
		return "qualitypremium/data";
	}

	@PostMapping
	String upload(@RequestParam(required = false) String year, @RequestParam(required = false) MultipartFile file,
			Model model) throws IOException {
		if (year == null || year.isBlank()) {
			model.addAttribute("problem", "Choose the scheme year the data is for");
		}
		else if (file == null || file.isEmpty()) {
			model.addAttribute("problem", "Choose a CSV file to upload");
		}
		else {
			model.addAttribute("report", service.importData(FinancialYear.parse(year), file.getOriginalFilename(),
					file.getBytes()));
		}
		return data(year, model);
	}
}
