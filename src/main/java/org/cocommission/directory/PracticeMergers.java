package org.cocommission.directory;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.AuditTrail;
import org.cocommission.platform.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A merged practice's successor, recorded when the merger is decided rather than when ODS next publishes its successor
 * file: from the day the merger takes effect the closing practice's page names the practice that took it over, as an
 * ODS succession would (docs/domain-rules.md, "Successors recorded on a merger"). A later successor file that names
 * the same pair keeps the row, with ODS's reason and date.
 */
@Service
public class PracticeMergers {

	/** The reason a recorded merger carries, in place of ODS's own reason codes. */
	public static final String MERGER = "MERGER";

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	PracticeMergers(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * Records that {@code successorCode} took over {@code closingCode} from {@code effective} (the closing practice's
	 * last day is the day before). Recording it again with another date moves the date.
	 */
	@Transactional
	public void recordSuccessor(String closingCode, String successorCode, LocalDate effective) {
		if (closingCode == null || successorCode == null || closingCode.equals(successorCode)) {
			throw new InvalidInputException("otherPracticeCode", "A practice cannot succeed itself");
		}
		if (effective == null) {
			throw new InvalidInputException("startsOn", "Enter the day the merger takes effect");
		}
		Optional<LocalDate> before = jdbc.sql("select effective_date from directory_succession"
				+ " where old_code = ? and new_code = ?")
			.params(closingCode, successorCode)
			.query(LocalDate.class)
			.optional();
		jdbc.sql("insert into directory_succession (old_code, new_code, reason, effective_date)"
				+ " values (?, ?, ?, ?) on conflict (old_code, new_code) do update set effective_date = excluded.effective_date")
			.params(closingCode, successorCode, MERGER, effective)
			.update();
		audit.record(new AuditEntry("SUCCESSION_RECORDED", "ORGANISATION", closingCode, closingCode,
				before.map(date -> state(successorCode, date)).orElse(null), state(successorCode, effective)));
	}

	private static Map<String, Object> state(String successorCode, LocalDate effective) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("successor", successorCode);
		state.put("effectiveDate", effective.toString());
		state.put("reason", MERGER);
		return state;
	}
}
