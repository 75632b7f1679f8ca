package org.cocommission.identity.tokens;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/**
 * The form (and API body) for a new API token. The expiry date is optional: without one a token lasts
 * {@link ApiTokens#DEFAULT_LIFETIME}; it may not be past {@link ApiTokens#MAXIMUM_LIFETIME} from today.
 *
 * @param name what the token is for, so that its owner knows which to revoke
 * @param scope read only, or read and write
 * @param expiresOn the last day the token works
 */
public record NewApiToken(@NotBlank(message = "Enter what the token is for") @Size(max = 100,
		message = "Enter what the token is for in 100 characters or fewer") String name,
		@NotNull(message = "Choose what the token may do") ApiTokenScope scope,
		@DateTimeFormat(iso = ISO.DATE) LocalDate expiresOn) {
}
