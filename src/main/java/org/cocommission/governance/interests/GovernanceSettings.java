package org.cocommission.governance.interests;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.cocommission.governance.DeclarationDeadlines;
import org.cocommission.governance.GiftsAndHospitalityThresholds;
import org.cocommission.platform.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The configurable values of docs/domain-rules.md#governance (declaration deadlines, how long ended interests stay
 * published, the gifts and hospitality thresholds), kept as data in {@code governance_setting} with the reference
 * values as defaults, so a CCG's policy can change them without a release.
 */
@Component
public class GovernanceSettings {

	private record Setting(String name, BigDecimal value) {
	}

	private final JdbcClient jdbc;

	GovernanceSettings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Map<String, BigDecimal> all() {
		Map<String, BigDecimal> settings = new LinkedHashMap<>();
		jdbc.sql("select name, value from governance_setting order by name")
			.query(Setting.class)
			.list()
			.forEach(setting -> settings.put(setting.name(), setting.value()));
		return settings;
	}

	public DeclarationDeadlines deadlines() {
		Map<String, BigDecimal> settings = all();
		return new DeclarationDeadlines(settings.get("declaration_due_days").intValue(),
				settings.get("renewal_months").intValue());
	}

	public GiftsAndHospitalityThresholds thresholds() {
		Map<String, BigDecimal> settings = all();
		return new GiftsAndHospitalityThresholds(new Money(settings.get("supplier_gift_limit")),
				new Money(settings.get("gift_declaration_from")), new Money(settings.get("hospitality_declaration_from")),
				new Money(settings.get("hospitality_refusal_above")));
	}

	int publishedAfterEndMonths() {
		return all().get("published_after_end_months").intValue();
	}
}
