package org.cocommission.qualitypremium.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.UnreadableFileException;
import org.cocommission.platform.UploadCharset;
import org.cocommission.qualitypremium.QualityPremium;
import org.cocommission.qualitypremium.schemes.QualityPremiumSchemes;
import org.cocommission.qualitypremium.schemes.Scheme;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Uploading a year's CCG achievement data as CSV, with the row-by-row report and the recent uploads. */
@Controller
@RequestMapping("/quality-premium/data")
public class DataPageController {

	/** The upload form: the scheme year the data is for, the CSV file and its character set (UTF-8 by default). */
	record UploadForm(@NotNull(message = "Choose the scheme year the data is for") FinancialYear year,
			MultipartFile file, UploadCharset charset) {
	}

	private final QualityPremium service;

	private final QualityPremiumSchemes schemes;

	DataPageController(QualityPremium service, QualityPremiumSchemes schemes) {
		this.service = service;
		this.schemes = schemes;
	}

	@GetMapping
	String data(@RequestParam(required = false) FinancialYear year, Model model) {
		List<Scheme> all = schemes.schemes();
		FinancialYear selected = year != null ? year : all.isEmpty() ? null : all.get(0).year();
		model.addAttribute("upload", new UploadForm(selected, null, UploadCharset.UTF_8));
		return page(all, selected, model);
	}

	@PostMapping
	String upload(@Valid @ModelAttribute("upload") UploadForm form, BindingResult result, Model model)
			throws IOException {
		if (!result.hasErrors() && (form.file() == null || form.file().getOriginalFilename() == null
				|| form.file().getOriginalFilename().isBlank())) {
			result.rejectValue("file", "required", "Choose a CSV file to upload");
		}
		else if (!result.hasErrors() && form.file().isEmpty()) {
			result.rejectValue("file", "empty", "The selected file " + form.file().getOriginalFilename() + " is empty");
		}
		byte[] content = null;
		if (!result.hasErrors()) {
			// Decoded strictly as the API's uploads are (platform.StrictText), in the character set chosen on the form:
			// not text in it, or a NUL, is refused.
			try (InputStream text = UploadCharset.orDefault(form.charset()).decode(form.file().getInputStream())) {
				content = text.readAllBytes();
			}
			catch (UnreadableFileException ex) {
				result.rejectValue("file", "unreadable", ex.getMessage());
			}
		}
		if (!result.hasErrors()) {
			model.addAttribute("report", service.importData(form.year(), form.file().getOriginalFilename(), content));
		}
		List<Scheme> all = schemes.schemes();
		return page(all, form.year() != null ? form.year() : all.isEmpty() ? null : all.get(0).year(), model);
	}

	private String page(List<Scheme> all, FinancialYear selected, Model model) {
		model.addAttribute("schemes", all);
		Map<String, String> years = new LinkedHashMap<>();
		all.forEach(scheme -> years.put(scheme.year().toString(), scheme.year().toString()));
		model.addAttribute("years", years);
		model.addAttribute("charsets", UploadCharset.choices());
		model.addAttribute("selectedYear", selected == null ? null : selected.toString());
		model.addAttribute("recent", selected == null ? List.of() : service.recentImports(selected));
		return "qualitypremium/data";
	}
}
