package org.cocommission.governance.interests;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.AuditTrail;
import org.cocommission.governance.GiftsAndHospitalityThresholds;
import org.cocommission.governance.GovernanceRequests.NewGift;
import org.cocommission.governance.GovernanceViews.GiftView;
import org.cocommission.governance.people.GovernanceAccess;
import org.cocommission.governance.people.Organisations;
import org.cocommission.governance.people.People.PersonRow;
import org.cocommission.governance.people.People;
import org.cocommission.governance.shared.BatchInserts;
import org.cocommission.platform.InvalidInputException;
import org.cocommission.platform.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static org.cocommission.governance.shared.GovernanceText.blank;

/**
 * The gifts and hospitality register: every offer, accepted or declined, assessed against the configured thresholds
 * ({@link GiftsAndHospitalityThresholds}) when it is shown, so a change of policy re-assesses the whole register.
 */
@Component
@Transactional
public class GiftsRegister {

	/** A gift as stored; it is assessed against the thresholds in force when it is shown. */
	private record GiftRow(long id, long personId, String personName, GiftsAndHospitalityThresholds.GiftKind kind,
			boolean fromSupplier, String offeredBy, String description, BigDecimal value, LocalDate offeredOn,
			boolean accepted, boolean seniorApproval) {
	}

	private final JdbcClient jdbc;

	private final GovernanceAccess access;

	private final AuditTrail audit;

	private final Organisations organisations;

	private final GovernanceSettings settings;

	private final People people;

	private final BatchInserts batch;

	GiftsRegister(JdbcClient jdbc, GovernanceAccess access, AuditTrail audit, Organisations organisations,
			GovernanceSettings settings, People people, BatchInserts batch) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.access = access;
		this.audit = audit;
		this.organisations = organisations;
		this.settings = settings;
		this.people = people;
	}

	/** Records gifts in one batch, {@code personId -> offers}; refuses them all if any is wrong. */
	public List<Long> recordGifts(String ccg, Map<Long, List<NewGift>> gifts) {
		Map<Long, PersonRow> persons = people.peopleOf(ccg, gifts.keySet());
		List<Object[]> rows = new ArrayList<>();
		List<NewGift> requests = new ArrayList<>();
		for (Map.Entry<Long, List<NewGift>> entry : gifts.entrySet()) {
			access.checkOwnOrLead(persons.get(entry.getKey()));
			for (NewGift gift : entry.getValue()) {
				String missing = gift.kind() == null ? "kind" : blank(gift.offeredBy()) ? "offeredBy"
						: blank(gift.description()) ? "description" : gift.value() == null ? "value"
						: gift.offeredOn() == null ? "offeredOn" : null;
				if (missing != null) {
					throw new InvalidInputException(missing,
							"A gift or hospitality needs its kind, who offered it, what it was, its value and date");
				}
				if (gift.value().isNegative()) {
					throw new InvalidInputException("value", "A value cannot be negative");
				}
				rows.add(new Object[] { entry.getKey(), gift.kind().name(), gift.fromSupplier(), gift.offeredBy().trim(),
						gift.description().trim(), gift.value().pounds(), gift.offeredOn(), gift.accepted(),
						gift.approvedBySenior() });
				requests.add(gift);
			}
		}
		List<Long> ids = batch.insert("insert into governance_gift (person_id, kind, from_supplier, offered_by, description,"
				+ " value, offered_on, accepted, senior_approval) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
		List<AuditEntry> entries = new ArrayList<>();
		for (int index = 0; index < ids.size(); index++) {
			entries.add(new AuditEntry("GIFT_RECORDED", "GOVERNANCE_GIFT", String.valueOf(ids.get(index)), ccg, null,
					requests.get(index)));
		}
		audit.recordAll(entries);
		return ids;
	}

	public List<GiftView> gifts(String ccg) {
		organisations.checkCcg(ccg);
		GiftsAndHospitalityThresholds thresholds = settings.thresholds();
		return jdbc.sql("select g.*, p.name as person_name from governance_gift g join governance_person p on p.id = g.person_id"
				+ " where p.ccg_code = ? order by g.offered_on desc, g.id desc")
			.param(ccg)
			.query(GiftRow.class)
			.list()
			.stream()
			.map(gift -> {
				Money value = new Money(gift.value());
				var assessment = thresholds.assess(gift.kind(), gift.fromSupplier(), value, gift.accepted(),
						gift.seniorApproval());
				return new GiftView(gift.id(), gift.personId(), gift.personName(), gift.kind(), gift.fromSupplier(),
						gift.offeredBy(), gift.description(), value, gift.offeredOn(), gift.accepted(), gift.seniorApproval(),
						assessment.declarationRequired(), assessment.acceptanceAllowed(), assessment.flag());
			})
			.toList();
	}
}
