package org.cocommission.authorisation.applications;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.multipart.MultipartFile;

/** Evidence for one criterion: a title and either a PDF or a link to where the document is published. */
public record EvidenceForm(
		@NotBlank(message = "Choose the criterion") @Size(max = 10, message = "Choose a criterion from the list") String criterionCode,
		@NotBlank(message = "Enter the document's title") @Size(max = 200, message = "The title must be 200 characters or fewer") String title,
		@Size(max = 500, message = "The link must be 500 characters or fewer") String url, MultipartFile file) {
}
