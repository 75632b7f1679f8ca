package org.cocommission.outcomes.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;

import org.cocommission.outcomes.ImportFormat;
import org.cocommission.outcomes.ObservationImports;
import org.cocommission.outcomes.read.OutcomesPages;
import org.cocommission.platform.InvalidInputException;
import org.cocommission.platform.UploadCharset;
import org.cocommission.platform.UnreadableFileException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

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
		model.addAttribute("form", new ImportUpload(null, null, null, UploadCharset.UTF_8));
		return page(model);
	}

	@PostMapping("/outcomes/imports")
	String upload(@Valid @ModelAttribute("form") ImportUpload form, BindingResult result, Model model)
			throws IOException {
		ImportFormat chosen;
		try {
			chosen = form.check();
		}
		catch (InvalidInputException ex) {
			ex.rejectIn(result);
			return page(model);
		}
		if (result.hasErrors()) {
			return page(model);
		}
		Path spooled = Files.createTempFile("cocommission-outcomes", ".csv");
		// Decoded strictly as the API's uploads are, in the character set chosen on the form: a file that is not text
		// in it is refused before it is imported.
		try (InputStream content = UploadCharset.orDefault(form.charset()).decode(form.file().getInputStream())) {
			Files.copy(content, spooled, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (UnreadableFileException ex) {
			Files.deleteIfExists(spooled);
			result.rejectValue("file", "unreadable", ex.getMessage());
			return page(model);
		}
		long id = imports.start(chosen, form.period() == null ? null : form.period().code(),
				form.file().getOriginalFilename(), spooled);
		return "redirect:/outcomes/imports/" + id;
	}

	private String page(Model model) {
		if (!pages.isNational()) {
			throw new AccessDeniedException("Only NHS England users import outcomes data");
		}
		Map<String, String> formats = new LinkedHashMap<>();
		formats.put("", "Choose a format");
		for (ImportFormat format : ImportFormat.values()) {
			formats.put(format.slug(), format.label());
		}
		model.addAttribute("formats", formats);
		model.addAttribute("charsets", UploadCharset.choices());
		model.addAttribute("recent", imports.recent(20));
		return "outcomes/imports";
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
