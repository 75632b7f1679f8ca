package org.cocommission.directory.imports;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.web.multipart.MultipartFile;

import org.cocommission.directory.DirectoryChanged;
import org.cocommission.platform.UploadCharset;

/**
 * The upload form: which kind of published file, the file itself (checked by the controller: not empty) and its
 * character set (UTF-8 when none is chosen).
 */
public record ImportUpload(
		@NotBlank(message = KIND_MESSAGE)
		@Pattern(regexp = "regions|area-teams|ecsu|eccg|epraccur|registered-patients|epcmem|succ|ccg-icb", message = KIND_MESSAGE)
		String kind,
		MultipartFile file,
		UploadCharset charset) {

	private static final String KIND_MESSAGE = "Choose what kind of file this is";

	static final String REGISTERED_PATIENTS = DirectoryChanged.REGISTERED_PATIENTS;
}
