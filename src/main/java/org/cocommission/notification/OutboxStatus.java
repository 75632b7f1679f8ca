package org.cocommission.notification;

/** Where a queued e-mail is: waiting (first try or a retry), sent once, or given up after too many failures. */
public enum OutboxStatus {

	PENDING, SENT, FAILED;
}
