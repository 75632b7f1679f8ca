package org.cocommission.directory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.web.multipart.MultipartFile;

/** The upload form: which kind of published file, and the file itself (checked by the controller: not empty). */
record ImportUpload(
		@NotBlank(message = KIND_MESSAGE)
		@Pattern(regexp = "regions|area-teams|ecsu|eccg|epraccur|registered-patients|epcmem|succ|ccg-icb", message = KIND_MESSAGE)
		String kind,
		MultipartFile file) {

	private static final String KIND_MESSAGE = "Choose what kind of file this is";

	static final String REGISTERED_PATIENTS = DirectoryChanged.REGISTERED_PATIENTS;
}
