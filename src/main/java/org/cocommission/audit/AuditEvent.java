package org.cocommission.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/** One recorded change as it is read back; {@code before} and {@code after} are JSON (null where none). */
public record AuditEvent(long id, Instant occurredAt, String actor, String action, String entityType,
		String entityId, String organisationCode, JsonNode before, JsonNode after) {

	/** A field of the entity with its value before and after the change, for a side-by-side view. */
	public record FieldChange(String field, String before, String after, boolean changed) {
	}

	/** Whether both states are objects (or absent), so that they can be compared field by field. */
	public boolean comparable() {
		return (before == null || before.isObject()) && (after == null || after.isObject())
				&& (before != null || after != null);
	}

	/** Every field of either state, in alphabetical order, with its two values. */
	public List<FieldChange> changes() {
		if (!comparable()) {
			return List.of();
		}
		Set<String> fields = new TreeSet<>();
		if (before != null) {
			fields.addAll(before.propertyNames());
		}
		if (after != null) {
			fields.addAll(after.propertyNames());
		}
		List<FieldChange> changes = new ArrayList<>();
		for (String field : fields) {
			JsonNode old = before == null ? null : before.get(field);
			JsonNode now = after == null ? null : after.get(field);
			changes.add(new FieldChange(field, display(old), display(now),
					!(old == null ? now == null : old.equals(now))));
		}
		return changes;
	}

	public String beforeJson() {
		return before == null ? null : before.toPrettyString();
	}

	public String afterJson() {
		return after == null ? null : after.toPrettyString();
	}

	private static String display(JsonNode value) {
		if (value == null || value.isNull()) {
			return "";
		}
		return value.isValueNode() ? value.asString() : value.toString();
	}
}
