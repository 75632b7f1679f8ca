package org.cocommission.directory.imports;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.cocommission.directory.DirectoryImports;
import org.cocommission.directory.FolderLoadReport;
import org.cocommission.directory.ImportRejectedException;
import org.cocommission.directory.ImportReport;
import org.cocommission.directory.OdsFile;
import org.cocommission.platform.UploadCharset;

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
public class ImportPageController {

	/** What the upload form offers, in the order a new directory is best loaded. */
	static final Map<String, String> KINDS = kinds();

	private final DirectoryImports imports;

	private final PublishedFolderLoader loader;

	ImportPageController(DirectoryImports imports, PublishedFolderLoader loader) {
		this.imports = imports;
		this.loader = loader;
	}

	@GetMapping("/directory/imports")
	String imports(Model model) {
		model.addAttribute("form", new ImportUpload(OdsFile.REGIONS.slug(), null, UploadCharset.UTF_8));
		model.addAttribute("folder", new FolderUpload(List.of(), UploadCharset.UTF_8));
		return page(model);
	}

	/** Every file of a folder at once, in any order: recognised by name and first line, loaded parents first. */
	@PostMapping("/directory/imports/folder")
	String folder(@ModelAttribute("folder") FolderUpload folder, BindingResult result, Model model) {
		List<MultipartFile> files = folder.files() == null ? List.of()
				: folder.files().stream().filter(file -> !file.isEmpty()).toList();
		if (files.isEmpty()) {
			result.rejectValue("files", "required", "Choose the files of the folder to load");
		}
		model.addAttribute("form", new ImportUpload(OdsFile.REGIONS.slug(), null, UploadCharset.UTF_8));
		if (result.hasErrors()) {
			return page(model);
		}
		UploadCharset charset = UploadCharset.orDefault(folder.charset());
		FolderLoadReport report = loader.load(files.stream()
			.map(file -> new PublishedFolderLoader.NamedFile(file.getOriginalFilename(),
					() -> charset.decode(file.getInputStream())))
			.toList(), line -> {
			});
		model.addAttribute("folderReport", report);
		model.addAttribute("folderSummary", LoadCommand.summary(report));
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
			model.addAttribute("folder", new FolderUpload(List.of(), UploadCharset.UTF_8));
			return page(model);
		}
		try {
			// Decoded strictly as the API's uploads are (platform.StrictText), in the character set chosen on the form;
			// a refusal is a 422 page naming the byte.
			ImportReport report = imports.importFile(form.kind(), file.getOriginalFilename(),
					UploadCharset.orDefault(form.charset()).decode(file.getInputStream()));
			model.addAttribute("report", report);
		}
		catch (ImportRejectedException ex) {
			model.addAttribute("report", ex.report());
		}
		model.addAttribute("fileName", file.getOriginalFilename());
		model.addAttribute("folder", new FolderUpload(List.of(), UploadCharset.UTF_8));
		return page(model);
	}

	private String page(Model model) {
		model.addAttribute("kinds", KINDS);
		model.addAttribute("charsets", UploadCharset.choices());
		model.addAttribute("recent", imports.recentImports(50));
		return "directory/imports";
	}

	private static Map<String, String> kinds() {
		var kinds = new LinkedHashMap<String, String>();
		kinds.put(OdsFile.REGIONS.slug(), "NHS England regions (ODS layout)");
		kinds.put(OdsFile.AREA_TEAMS.slug(), "Area teams (ODS layout)");
		kinds.put(OdsFile.ECSU.slug(), "Commissioning support units (ecsu.csv)");
		kinds.put(DirectoryImports.ICB_LOOKUP, "Integrated care boards: CCG to ICB lookup (CCG Code, ICB Code, ICB NAME)");
		kinds.put(OdsFile.ECCG.slug(), "CCGs and sub-ICB locations (eccg.csv)");
		kinds.put(OdsFile.EPRACCUR.slug(), "GP practices and prescribing settings (epraccur.csv)");
		kinds.put(DirectoryImports.MEMBERSHIPS, "Practices' commissioners over time (epcmem.csv)");
		kinds.put(DirectoryImports.SUCCESSIONS, "Successor organisations (succ.csv)");
		kinds.put(ImportUpload.REGISTERED_PATIENTS, "Patients registered at a GP practice (NHS Digital)");
		return kinds;
	}
}
