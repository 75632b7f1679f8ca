package org.cocommission.notification;

import io.swagger.v3.oas.annotations.Parameter;

/** Which e-mails of the outbox to list: those of one status (named in any case), or all. */
record OutboxFilter(@Parameter(description = "PENDING, SENT or FAILED; all when absent") OutboxStatus status) {
}
