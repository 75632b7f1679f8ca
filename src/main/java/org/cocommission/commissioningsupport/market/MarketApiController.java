package org.cocommission.commissioningsupport.market;

import java.util.List;

import org.cocommission.commissioningsupport.Arrangement;
import org.cocommission.commissioningsupport.CommissioningSupport;
import org.cocommission.commissioningsupport.MarketShare;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The commissioning support market for machines: every CCG's arrangements and each provider's share. */
@RestController
@RequestMapping("/api/v1/commissioning-support")
class MarketApiController {

	private final CommissioningSupport support;

	MarketApiController(CommissioningSupport support) {
		this.support = support;
	}

	@GetMapping("/national")
	List<Arrangement> national() {
		return support.allArrangements();
	}

	@GetMapping("/market-shares")
	List<MarketShare> marketShares() {
		return support.marketShares();
	}
}
