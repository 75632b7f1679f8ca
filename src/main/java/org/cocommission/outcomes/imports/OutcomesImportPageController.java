package org.cocommission.outcomes.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

import org.cocommission.outcomes.ImportFormat;
import org.cocommission.outcomes.ObservationImports;
import org.cocommission.outcomes.read.OutcomesPages;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploading observations, for national users: the file is spooled to disk and imported in the background, and the
 * status page follows its progress (htmx polls the status fragment while it runs).
 */
@Controller
class OutcomesImportPageController {

	private final ObservationImports imports;

	private final OutcomesPages pages;

	OutcomesImportPageController(ObservationImports imports, OutcomesPages pages) {
		this.imports = imports;
		this.pages = pages;
	}

	@GetMapping("/outcomes/imports")
	String form(Model model) {
		if (!pages.isNational()) {
			throw new org.springframework.security.access.AccessDeniedException("Only NHS England users import outcomes data");
		}
		model.addAttribute("formats", ImportFormat.values());
		model.addAttribute("recent", imports.recent(20));
		model.addAttribute("errors", Map.of());
		return "outcomes/imports";
	}

	@PostMapping("/outcomes/imports")
	String upload(@RequestParam(required = false) String format, @RequestParam(required = false) String period,
			@RequestParam(value = "file", required = false) MultipartFile file, Model model) throws IOException {
		Map<String, String> errors = new LinkedHashMap<>();
		ImportFormat chosen = null;
		try {
			chosen = format == null ? null : ImportFormat.fromSlug(format);
		}
		catch (IllegalArgumentException ex) {
			chosen = null;
		}
		if (chosen == null) {
			errors.put("format", "Choose what kind of file this is");
		}
		if (chosen == ImportFormat.QOF_PREVALENCE) {
			try {
				if (period == null || period.isBlank() || Period.parse(period).kind() != Period.Kind.YEAR) {
					errors.put("period", "Enter the QOF year of the file, such as 2019/20");
				}
			}
			catch (IllegalArgumentException ex) {
				errors.put("period", "Enter the QOF year of the file, such as 2019/20");
			}
		}
		if (file == null || file.isEmpty()) {
			errors.put("file", "Choose a CSV file to upload");
		}
		if (!errors.isEmpty()) {
			form(model);
			model.addAttribute("errors", errors);
			model.addAttribute("selectedFormat", format);
			model.addAttribute("period", period);
			return "outcomes/imports";
		}
		Path spooled = Files.createTempFile("cocommission-outcomes", ".csv");
		try (InputStream content = file.getInputStream()) {
			Files.copy(content, spooled, StandardCopyOption.REPLACE_EXISTING);
		}
		long id = imports.start(chosen, period, file.getOriginalFilename(), spooled);
		return "redirect:/outcomes/imports/" + id;
	}

	@GetMapping("/outcomes/imports/{id}")
	String status(@PathVariable long id, Model model) {
		model.addAttribute("status", imports.status(id));
		return "outcomes/import";
	}

	@GetMapping("/outcomes/imports/{id}/status")
	String statusFragment(@PathVariable long id, Model model) {
		model.addAttribute("status", imports.status(id));
		return "outcomes/import :: status";
	}
}
