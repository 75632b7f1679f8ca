package org.cocommission.directory;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;

/** Uploading published files into the directory, for national users. */
@Controller
class ImportPageController {

	/** What the upload form offers, in the order a new directory is best loaded. */
	static final Map<String, String> KINDS = kinds();

	private final DirectoryImports imports;

	ImportPageController(DirectoryImports imports) {
		this.imports = imports;
	}

	@GetMapping("/directory/imports")
	String imports(Model model) {
		model.addAttribute("form", new ImportUpload(OdsFile.REGIONS.slug(), null));
		return page(model);
	}

	@PostMapping(path = "/directory/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	String upload(@Valid @ModelAttribute("form") ImportUpload form, BindingResult result, Model model)
			throws IOException {
		MultipartFile file = form.file();
		if (!result.hasErrors() && (file == null || file.isEmpty())) {
			result.rejectValue("file", "required", "Choose a CSV file to upload");
		}
		if (result.hasErrors()) {
			return page(model);
		}
		try {
			ImportReport report = form.kind().equals(ImportUpload.REGISTERED_PATIENTS)
					? imports.importRegisteredPatients(file.getOriginalFilename(), file.getInputStream())
					: imports.importOds(OdsFile.fromSlug(form.kind()), file.getOriginalFilename(), file.getInputStream());
			model.addAttribute("report", report);
		}
		catch (ImportRejectedException ex) {
			model.addAttribute("report", ex.report());
		}
		model.addAttribute("fileName", file.getOriginalFilename());
		return page(model);
	}

	private String page(Model model) {
		model.addAttribute("kinds", KINDS);
		model.addAttribute("recent", imports.recentImports(50));
		return "directory/imports";
	}

	private static Map<String, String> kinds() {
		var kinds = new LinkedHashMap<String, String>();
		kinds.put(OdsFile.REGIONS.slug(), "NHS England regions (ODS layout)");
		kinds.put(OdsFile.AREA_TEAMS.slug(), "Area teams (ODS layout)");
		kinds.put(OdsFile.ECSU.slug(), "Commissioning support units (ecsu.csv)");
		kinds.put(OdsFile.ECCG.slug(), "CCGs (eccg.csv)");
		kinds.put(OdsFile.EPRACCUR.slug(), "GP practices and prescribing settings (epraccur.csv)");
		kinds.put(ImportUpload.REGISTERED_PATIENTS, "Patients registered at a GP practice (NHS Digital)");
		return kinds;
	}
}
