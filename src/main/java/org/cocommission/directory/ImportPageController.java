package org.cocommission.directory;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
		model.addAttribute("kinds", KINDS);
		model.addAttribute("recent", imports.recentImports(50));
		return "directory/imports";
	}

	@PostMapping("/directory/imports")
	String upload(@RequestParam String kind, @RequestParam("file") MultipartFile file, Model model) throws IOException {
		if (!KINDS.containsKey(kind)) {
			model.addAttribute("problem", "Choose what kind of file this is");
		}
		else if (file.isEmpty()) {
			model.addAttribute("problem", "Choose a CSV file to upload");
		}
		else {
			try {
				ImportReport report = kind.equals("registered-patients")
						? imports.importRegisteredPatients(file.getOriginalFilename(), file.getInputStream())
						: imports.importOds(OdsFile.fromSlug(kind), file.getOriginalFilename(), file.getInputStream());
				model.addAttribute("report", report);
			}
			catch (ImportRejectedException ex) {
				model.addAttribute("report", ex.report());
			}
			model.addAttribute("fileName", file.getOriginalFilename());
		}
		model.addAttribute("selectedKind", kind);
		return imports(model);
	}

	private static Map<String, String> kinds() {
		var kinds = new LinkedHashMap<String, String>();
		kinds.put(OdsFile.REGIONS.slug(), "NHS England regions (ODS layout)");
		kinds.put(OdsFile.AREA_TEAMS.slug(), "Area teams (ODS layout)");
		kinds.put(OdsFile.ECSU.slug(), "Commissioning support units (ecsu.csv)");
		kinds.put(OdsFile.ECCG.slug(), "CCGs (eccg.csv)");
		kinds.put(OdsFile.EPRACCUR.slug(), "GP practices and prescribing settings (epraccur.csv)");
		kinds.put("registered-patients", "Patients registered at a GP practice (NHS Digital)");
		return kinds;
	}
}
