package org.cocommission.qualitypremium.schemes;

import java.util.List;
import java.util.Map;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.AuditTrail;
import org.cocommission.outcomes.Indicators;
import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.InvalidInputException;
import org.cocommission.qualitypremium.QualityPremiumAccess;

/**
 * Quality premium schemes, one per financial year: read by everyone, copied and edited by national analysts. A
 * scheme is frozen once results under it are published: it is then copied to a new year, never edited.
 */
@Service
@Transactional
public class QualityPremiumSchemes {

	private final SchemeStore schemes;

	private final QualityPremiumAccess access;

	private final AuditTrail audit;

	private final Indicators indicators;

	QualityPremiumSchemes(SchemeStore schemes, QualityPremiumAccess access, AuditTrail audit, Indicators indicators) {
		this.schemes = schemes;
		this.access = access;
		this.audit = audit;
		this.indicators = indicators;
	}

	/** The outcomes indicator whose computed values feed each measure (or part) that has one, by measure code. */
	@Transactional(readOnly = true)
	public Map<String, String> indicatorMapping(FinancialYear year) {
		schemes.get(year);
		return schemes.indicatorIds(year);
	}

	/**
	 * Sets which outcomes indicator feeds each measure of a draft scheme (a measure not given, or given blank, is fed
	 * by uploads only). Refused for a published scheme, an unknown measure or indicator, and (409) a stale version.
	 */
	public Map<String, String> mapIndicators(FinancialYear year, int version, Map<String, String> mapping) {
		access.checkNational();
		Scheme scheme = schemes.get(year);
		if (!scheme.isEditable()) {
			throw new InvalidInputException("scheme", "The " + year + " scheme has published results and cannot be changed:"
					+ " copy it to a new year instead");
		}
		java.util.Set<String> codes = new java.util.HashSet<>();
		scheme.measures().forEach(m -> {
			codes.add(m.code());
			m.parts().forEach(p -> codes.add(p.code()));
		});
		Map<String, String> ids = new java.util.TreeMap<>();
		mapping.forEach((code, id) -> {
			if (!codes.contains(code)) {
				throw new InvalidInputException("indicator", "No measure " + code + " in the " + year + " scheme");
			}
			if (id != null && !id.isBlank()) {
				if (indicators.find(id.trim()).isEmpty()) {
					throw new InvalidInputException("indicator", "There is no outcomes indicator " + id.trim() + " (measure " + code + ")");
				}
				ids.put(code, id.trim());
			}
		});
		Map<String, String> before = schemes.indicatorIds(year);
		schemes.touch(year, version);
		schemes.setIndicatorIds(year, ids);
		audit.record(new AuditEntry("QP_SCHEME_INDICATORS_MAPPED", "qp_scheme", year.toString(), null, before, ids));
		return ids;
	}

	@Transactional(readOnly = true)
	public List<Scheme> schemes() {
		return schemes.years().stream().map(schemes::get).toList();
	}

	@Transactional(readOnly = true)
	public Scheme scheme(FinancialYear year) {
		return schemes.get(year);
	}

	/** A new draft scheme for {@code to}, a copy of {@code from}'s measures, standards and gateways. */
	public Scheme copyScheme(FinancialYear from, FinancialYear to) {
		access.checkNational();
		Scheme source = schemes.get(from);
		if (schemes.find(to).isPresent()) {
			throw new InvalidInputException("to", "There is already a scheme for " + to + ": edit it, or copy to another year");
		}
		List<Measure> measures = source.measures().stream().map(m -> rebase(m, from, to)).toList();
		Scheme copy = new Scheme(to, "Quality premium " + to, source.maxPerHead(), source.populationBasis(),
				source.reductionMode(), Scheme.Status.DRAFT, from, 0, measures, source.standards(), source.gateways());
		schemes.insert(copy);
		schemes.setIndicatorIds(to, schemes.indicatorIds(from));
		Scheme stored = schemes.get(to);
		audit.record(new AuditEntry("QP_SCHEME_COPIED", "qp_scheme", to.toString(), null, Map.of("from", from.toString()),
				stored));
		return stored;
	}

	/** A copied measure compares with the year before its new year when its baseline was the year before the old one. */
	private static Measure rebase(Measure measure, FinancialYear from, FinancialYear to) {
		String baseline = measure.baselinePeriod();
		if (baseline != null && baseline.equals(from.previous().toString())) {
			baseline = to.previous().toString();
		}
		return new Measure(measure.code(), measure.name(), measure.kind(), measure.weightPercent(), measure.rule(),
				measure.target(), baseline, measure.parts().stream().map(p -> rebase(p, from, to)).toList(),
				measure.domain());
	}

	/**
	 * Edits a draft scheme. Refused when results under it are published (copy it to a new year instead), when the
	 * weights would not add up to 100%, and (409) when someone changed it since {@code edit.version()} was read.
	 */
	public Scheme editScheme(FinancialYear year, SchemeEdit edit) {
		access.checkNational();
		Scheme before = schemes.get(year);
		if (!before.isEditable()) {
			throw new InvalidInputException("scheme", "The " + year + " scheme has published results and cannot be changed:"
					+ " copy it to a new year instead");
		}
		if (edit.version() != before.version()) {
			throw new OptimisticLockingFailureException("Scheme " + year + " changed");
		}
		for (String code : edit.measureWeights().keySet()) {
			before.measure(code).orElseThrow(() -> new InvalidInputException("scheme", "No measure " + code + " in " + year));
		}
		for (String code : edit.measureTargets().keySet()) {
			before.measure(code).orElseThrow(() -> new InvalidInputException("scheme", "No measure " + code + " in " + year));
		}
		Scheme after;
		try {
			List<Measure> measures = before.measures().stream().map(m -> new Measure(m.code(), m.name(), m.kind(),
					edit.measureWeights().getOrDefault(m.code(), m.weightPercent()), m.rule(),
					edit.measureTargets().getOrDefault(m.code(), m.target()), m.baselinePeriod(), m.parts(), m.domain()))
				.toList();
			List<Standard> standards = before.standards().stream().map(s -> new Standard(s.code(), s.name(),
					edit.standardThresholds().getOrDefault(s.code(), s.thresholdPercent()),
					edit.standardReductions().getOrDefault(s.code(), s.reductionPercent()))).toList();
			after = new Scheme(year, before.name(),
					edit.maxPerHead() == null ? before.maxPerHead() : edit.maxPerHead(),
					before.populationBasis(), edit.reductionMode() == null ? before.reductionMode() : edit.reductionMode(),
					before.status(), before.copiedFrom(), before.version(), measures, standards, before.gateways());
		}
		catch (InvalidInputException ex) {
			throw ex;
		}
		catch (IllegalArgumentException ex) {
			// The scheme's own rules (weights adding up to 100%, thresholds within 0-100%) refuse the edit as a whole.
			throw new InvalidInputException("scheme", ex.getMessage());
		}
		schemes.update(after, edit.version());
		Scheme stored = schemes.get(year);
		audit.record(new AuditEntry("QP_SCHEME_EDITED", "qp_scheme", year.toString(), null, before, stored));
		return stored;
	}
}
