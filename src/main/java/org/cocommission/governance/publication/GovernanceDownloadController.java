package org.cocommission.governance.publication;

import org.cocommission.governance.Governance;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The registers, compliance and minutes as CSV and PDF downloads for signed-in users (access checked by the service). */
@Controller
public class GovernanceDownloadController {

	private final Governance governance;

	private final GovernanceExports exports;

	GovernanceDownloadController(Governance governance, GovernanceExports exports) {
		this.governance = governance;
		this.exports = exports;
	}

	@GetMapping("/governance/meetings/{id}/minutes.pdf")
	ResponseEntity<byte[]> minutesPdf(@PathVariable long id) {
		return exports.minutesPdf(governance.meeting(id));
	}

	@GetMapping("/governance/ccgs/{ccg}/register.csv")
	ResponseEntity<String> registerCsv(@PathVariable String ccg) {
		return exports.registerCsv(governance.register(ccg.toUpperCase()), false);
	}

	@GetMapping("/governance/ccgs/{ccg}/register.pdf")
	ResponseEntity<byte[]> registerPdf(@PathVariable String ccg) {
		return exports.registerPdf(governance.register(ccg.toUpperCase()), false);
	}

	@GetMapping("/governance/ccgs/{ccg}/gifts.csv")
	ResponseEntity<String> giftsCsv(@PathVariable String ccg) {
		return exports.giftsCsv(ccg.toUpperCase(), governance.gifts(ccg.toUpperCase()));
	}

	@GetMapping("/governance/ccgs/{ccg}/gifts.pdf")
	ResponseEntity<byte[]> giftsPdf(@PathVariable String ccg) {
		return exports.giftsPdf(ccg.toUpperCase(), governance.gifts(ccg.toUpperCase()));
	}

	@GetMapping("/governance/compliance.csv")
	ResponseEntity<String> complianceCsv() {
		return exports.complianceCsv(governance.compliance(null));
	}

	@GetMapping("/governance/compliance.pdf")
	ResponseEntity<byte[]> compliancePdf() {
		return exports.compliancePdf(governance.compliance(null));
	}

	@GetMapping("/governance/ccgs/{ccg}/compliance.csv")
	ResponseEntity<String> ccgComplianceCsv(@PathVariable String ccg) {
		return exports.complianceCsv(governance.compliance(ccg.toUpperCase()));
	}

	@GetMapping("/governance/ccgs/{ccg}/compliance.pdf")
	ResponseEntity<byte[]> ccgCompliancePdf(@PathVariable String ccg) {
		return exports.compliancePdf(governance.compliance(ccg.toUpperCase()));
	}
}
