package org.cocommission.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What it takes to open an account. */
public record NewUser(
		@NotBlank @Size(max = 100) @Pattern(regexp = "[a-z0-9][a-z0-9._-]*", message = "use lower-case letters, digits, dots, dashes or underscores") String username,
		@NotBlank @Size(max = 200) String displayName,
		@Email @Size(max = 200) String email,
		@NotNull Role role,
		@NotBlank @Size(max = 12) String organisationCode,
		@NotBlank @Size(min = 12, max = 200, message = "must be at least 12 characters") String password) {
}
