package org.cocommission.finance;

import org.cocommission.platform.InvalidInputException;

/** Where a formula version is: a DRAFT national users may edit, or PUBLISHED and frozen for allocation runs. */
public enum FormulaStatus {

	DRAFT, PUBLISHED;

	/** Publishing freezes a draft; a published version cannot be published again or edited. */
	FormulaStatus publish() {
		if (this != DRAFT) {
			throw new InvalidInputException("formula", "Only a draft formula can be published; this one is " + this);
		}
		return PUBLISHED;
	}

	void checkEditable() {
		if (this != DRAFT) {
			throw new InvalidInputException("formula", "A published formula is frozen: copy it to a new draft to change it");
		}
	}
}
