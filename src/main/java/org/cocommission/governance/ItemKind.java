package org.cocommission.governance;

/** What a meeting does with an agenda item. */
public enum ItemKind {
	DECISION, DISCUSSION, INFORMATION
}
