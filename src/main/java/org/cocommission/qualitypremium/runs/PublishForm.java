package org.cocommission.qualitypremium.runs;

import jakarta.validation.constraints.Size;

/**
 * The confirmation of a run's publication: {@code override}, the reason for publishing a run with inputs not assessed
 * (needed only then; qp_run.publish_override is varchar(1000)).
 */
public record PublishForm(@Size(max = OVERRIDE_MAX, message = "The reason can be at most {max} characters") String override) {

	public static final int OVERRIDE_MAX = 1000;
}
