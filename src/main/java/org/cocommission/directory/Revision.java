package org.cocommission.directory;

import java.time.Instant;
import java.util.Map;

/** One recorded version of an organisation's attributes. */
public record Revision(Instant recordedAt, String change, Long importId, Map<String, Object> attributes) {
}
