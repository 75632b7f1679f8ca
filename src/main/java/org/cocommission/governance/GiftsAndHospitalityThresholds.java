package org.cocommission.governance;

import org.cocommission.platform.Money;

/**
 * The 2017 thresholds for gifts and hospitality (configurable; docs/domain-rules.md#governance): gifts from suppliers
 * only promotional items up to £6; other gifts under £50 need no declaration; hospitality under £25 need not be
 * declared, £25 to £75 may be accepted and is declared, over £75 is refused unless senior approval. Source: NHS
 * England, Managing conflicts of interest in the NHS: guidance for staff and organisations (2017), sections 5 and 6.
 */
public record GiftsAndHospitalityThresholds(Money supplierGiftLimit, Money giftDeclarationFrom,
		Money hospitalityDeclarationFrom, Money hospitalityRefusalAbove) {

	public GiftsAndHospitalityThresholds {
		if (supplierGiftLimit == null || giftDeclarationFrom == null || hospitalityDeclarationFrom == null
				|| hospitalityRefusalAbove == null) {
			throw new IllegalArgumentException("Every gift and hospitality threshold needs a value");
		}
	}

	public static GiftsAndHospitalityThresholds reference() {
		return new GiftsAndHospitalityThresholds(Money.ofPounds(6), Money.ofPounds(50), Money.ofPounds(25),
				Money.ofPounds(75));
	}

	public enum GiftKind {
		GIFT, HOSPITALITY
	}

	/** What the thresholds say of one offer: whether it had to be declared, whether accepting it was allowed. */
	public record Assessment(boolean declarationRequired, boolean acceptanceAllowed, String flag) {
	}

	public Assessment assess(GiftKind kind, boolean fromSupplier, Money value, boolean accepted, boolean seniorApproval) {
		boolean declare;
		boolean allowed;
		String reason;
		if (kind == GiftKind.GIFT && fromSupplier) {
			allowed = value.compareTo(supplierGiftLimit) <= 0;
			declare = !allowed;
			reason = "a supplier's gift over " + supplierGiftLimit.formatted() + " may not be accepted";
		}
		else if (kind == GiftKind.GIFT) {
			allowed = true;
			declare = value.compareTo(giftDeclarationFrom) >= 0;
			reason = null;
		}
		else {
			declare = value.compareTo(hospitalityDeclarationFrom) >= 0;
			allowed = value.compareTo(hospitalityRefusalAbove) <= 0 || seniorApproval;
			reason = "hospitality over " + hospitalityRefusalAbove.formatted() + " is refused unless senior approval";
		}
		String flag = accepted && !allowed ? "Accepted but not allowed: " + reason
				: declare ? "Declaration required" : null;
		return new Assessment(declare, allowed, flag);
	}
}
