package org.cocommission.outcomes.alerts;

/**
 * The acknowledgement form and the API's body: the alert's version as read, and an optional note of what the
 * organisation is doing about it (its length is the service's rule, on the trimmed note).
 */
record Acknowledgement(int version, String note) {
}
