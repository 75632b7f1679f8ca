package org.cocommission.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What it takes to open an account. The messages are written to be shown to the person filling in the form. */
public record NewUser(
		@NotBlank(message = "Enter a username")
		@Size(max = 100, message = "Username must be 100 characters or fewer")
		@Pattern(regexp = "[a-z0-9][a-z0-9._-]*", message = "Username must start with a lower-case letter or digit and use only lower-case letters, digits, dots, dashes or underscores") String username,
		@NotBlank(message = "Enter the person's name")
		@Size(max = 200, message = "Name must be 200 characters or fewer") String displayName,
		@Email(message = "Enter an email address in the correct format, like name@nhs.net")
		@Size(max = 200, message = "Email address must be 200 characters or fewer") String email,
		@NotNull(message = "Select a role") Role role,
		@NotBlank(message = "Enter the organisation code")
		@Size(max = 12, message = "Organisation code must be 12 characters or fewer") String organisationCode,
		@NotBlank(message = "Enter a password")
		@Size(min = 12, max = 200, message = "Password must be at least 12 characters (and at most 200)") String password) {

	/** The same request without the password, to show the form again. */
	NewUser withoutPassword() {
		return new NewUser(username, displayName, email, role, organisationCode, null);
	}
}
