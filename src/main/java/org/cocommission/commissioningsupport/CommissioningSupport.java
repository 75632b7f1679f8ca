package org.cocommission.commissioningsupport;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.cocommission.directory.Directory;
import org.cocommission.directory.OrganisationRef;
import org.cocommission.directory.OrganisationSummary;
import org.cocommission.directory.OrganisationType;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.ActingAs;
import org.cocommission.identity.CurrentUser;
import org.cocommission.identity.Role;
import org.cocommission.platform.InvalidInputException;
import org.cocommission.platform.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Providers, the services catalogue and each CCG's arrangements (docs/domain-rules.md#commissioning-support). A CCG's
 * arrangements are its own: the CCG, its area team and national users read them; the CCG and national users record
 * them. The national view of who buys what is for national users.
 */
@Service
@Transactional(readOnly = true)
public class CommissioningSupport {

	private final JdbcClient jdbc;

	private final Directory directory;

	private final AccessPolicy access;

	CommissioningSupport(JdbcClient jdbc, Directory directory, AccessPolicy access) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.access = access;
	}

	public List<SupportService> services() {
		return jdbc.sql("select code, name from cs_service order by position").query(SupportService.class).list();
	}

	/** Every commissioning support unit in the directory and every provider entered, CSUs first, by name. */
	public List<SupportProvider> providers() {
		access.requireUserOrSystem();
		Map<String, SupportProvider> providers = new LinkedHashMap<>();
		for (OrganisationSummary csu : directory
			.list(OrganisationType.CSU, null, null, Directory.ListSort.NAME, false, 0, 1000)
			.items()) {
			providers.put(csu.code(), new SupportProvider(csu.code(), csu.name(), true));
		}
		jdbc.sql("select code, name, csu from cs_provider order by csu desc, name")
			.query(SupportProvider.class)
			.list()
			.forEach(provider -> providers.putIfAbsent(provider.code(), provider));
		return List.copyOf(providers.values());
	}

	/** Enters a provider that is not a commissioning support unit in the directory. National users only. */
	@Transactional
	public SupportProvider addProvider(String name) {
		if (!ActingAs.isSystem()) {
			access.checkNational();
		}
		if (name == null || name.isBlank() || name.trim().length() > 200) {
			throw new InvalidInputException("name", "Enter the provider's name (at most 200 characters)");
		}
		String code = "CSP" + jdbc.sql("select nextval('cs_provider_number')").query(Long.class).single();
		jdbc.sql("insert into cs_provider (code, name, csu) values (?, ?, false)").params(code, name.trim()).update();
		return new SupportProvider(code, name.trim(), false);
	}

	/** The CCG's arrangements, one per service it has recorded, in the catalogue's order. */
	public List<Arrangement> arrangements(String ccgCode) {
		checkCanRead(ccgCode);
		return read("where a.ccg_code = :ccg", Map.of("ccg", ccgCode));
	}

	/** Records (or replaces) the CCG's arrangement for one service. The CCG itself or a national user. */
	@Transactional
	public Arrangement record(String ccgCode, ArrangementForm form) {
		String actor = checkCanWrite(ccgCode);
		return record(ccgCode, form, catalogue(), actor);
	}

	/**
	 * Records many CCGs' arrangements in one transaction, each checked as {@link #record} checks it, reading the
	 * catalogue and the providers once: the demo's thousands of arrangements. Nothing is recorded if one is refused.
	 */
	@Transactional
	public void recordAll(Map<String, List<ArrangementForm>> formsByCcg) {
		Catalogue catalogue = catalogue();
		formsByCcg.forEach((ccgCode, forms) -> {
			String actor = checkCanWrite(ccgCode);
			forms.forEach(form -> record(ccgCode, form, catalogue, actor));
		});
	}

	/** The services and providers an arrangement may name, by code. */
	private record Catalogue(Map<String, SupportService> services, Map<String, SupportProvider> providers) {
	}

	private Catalogue catalogue() {
		Map<String, SupportService> services = new LinkedHashMap<>();
		services().forEach(service -> services.put(service.code(), service));
		Map<String, SupportProvider> providers = new LinkedHashMap<>();
		providers().forEach(provider -> providers.put(provider.code(), provider));
		return new Catalogue(services, providers);
	}

	private Arrangement record(String ccgCode, ArrangementForm form, Catalogue catalogue, String actor) {
		Map<String, String> problems = new LinkedHashMap<>();
		Map<String, SupportService> services = catalogue.services();
		if (!services.containsKey(form.serviceCode())) {
			problems.put("serviceCode", "Choose a service from the catalogue");
		}
		SupportProvider provider = null;
		List<String> sharedWith = List.of();
		switch (form.mode()) {
			case BUY -> {
				provider = form.providerCode() == null ? null : catalogue.providers().get(form.providerCode());
				if (provider == null) {
					problems.put("providerCode", "Choose the provider the CCG buys this service from");
				}
			}
			case SHARE -> {
				sharedWith = codes(form.sharedWith());
				Map<String, OrganisationRef> known = directory.refs(sharedWith);
				if (sharedWith.isEmpty() || sharedWith.contains(ccgCode)) {
					problems.put("sharedWith", "Enter the codes of the other CCGs the service is shared with");
				}
				else if (!sharedWith.stream()
					.allMatch(code -> known.containsKey(code) && known.get(code).type() == OrganisationType.CCG)) {
					problems.put("sharedWith", "Enter CCG codes the directory knows, such as 01A");
				}
			}
			case MAKE -> {
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (provider != null && provider.csu()) {
			jdbc.sql("insert into cs_provider (code, name, csu) values (?, ?, true) on conflict (code) do nothing")
				.params(provider.code(), provider.name())
				.update();
		}
		Money value = form.annualValue() == null ? null : Money.ofPounds(form.annualValue().toPlainString());
		jdbc.sql("""
				insert into cs_arrangement (ccg_code, service_code, mode, provider_code, shared_with, annual_value_pence,
				    end_date, updated_by)
				values (:ccg, :service, :mode, :provider, :shared, :value, :end, :actor)
				on conflict (ccg_code, service_code) do update set mode = excluded.mode,
				    provider_code = excluded.provider_code, shared_with = excluded.shared_with,
				    annual_value_pence = excluded.annual_value_pence, end_date = excluded.end_date,
				    updated_by = excluded.updated_by, updated_at = now()""")
			.param("ccg", ccgCode)
			.param("service", form.serviceCode())
			.param("mode", form.mode().name())
			.param("provider", provider == null ? null : provider.code())
			.param("shared", sharedWith.isEmpty() ? null : String.join(",", sharedWith))
			.param("value", value == null ? null : value.pence())
			.param("end", form.endDate())
			.param("actor", actor)
			.update();
		return new Arrangement(ccgCode, services.get(form.serviceCode()), form.mode(), provider, sharedWith, value,
				form.endDate());
	}

	/** Every CCG's arrangements, by CCG and service. National users only. */
	public List<Arrangement> allArrangements() {
		checkNationalRead();
		return read("", Map.of());
	}

	/**
	 * Each provider's share of what CCGs buy, per service and over all services: its CCGs, and its share of the value
	 * of the arrangements that record one. National users only.
	 */
	public List<MarketShare> marketShares() {
		checkNationalRead();
		List<Arrangement> bought = read("where a.mode = 'BUY'", Map.of());
		List<MarketShare> shares = new ArrayList<>();
		Map<String, List<Arrangement>> byService = new LinkedHashMap<>();
		byService.put(null, bought);
		bought.forEach(a -> byService.computeIfAbsent(a.service().code(), code -> new ArrayList<>()).add(a));
		byService.forEach((service, arrangements) -> {
			Money total = arrangements.stream()
				.map(Arrangement::annualValue)
				.filter(java.util.Objects::nonNull)
				.reduce(Money.ZERO, Money::plus);
			Map<String, List<Arrangement>> byProvider = new LinkedHashMap<>();
			arrangements.forEach(a -> byProvider.computeIfAbsent(a.provider().code(), code -> new ArrayList<>()).add(a));
			byProvider.values()
				.stream()
				.map(list -> {
					Money value = list.stream()
						.map(Arrangement::annualValue)
						.filter(java.util.Objects::nonNull)
						.reduce(Money.ZERO, Money::plus);
					Set<String> ccgs = new LinkedHashSet<>(list.stream().map(Arrangement::ccgCode).toList());
					BigDecimal share = total.signum() == 0 ? null
							: BigDecimal.valueOf(value.pence())
								.multiply(BigDecimal.valueOf(100))
								.divide(BigDecimal.valueOf(total.pence()), 1, RoundingMode.HALF_UP);
					return new MarketShare(service, list.get(0).provider(), ccgs.size(), value, share);
				})
				.sorted((a, b) -> b.value().compareTo(a.value()) != 0 ? b.value().compareTo(a.value())
						: Integer.compare(b.ccgs(), a.ccgs()))
				.forEach(shares::add);
		});
		return shares;
	}

	private List<Arrangement> read(String where, Map<String, ?> params) {
		return jdbc.sql("""
				select a.ccg_code, s.code as service_code, s.name as service_name, a.mode, p.code as provider_code,
				    p.name as provider_name, coalesce(p.csu, false) as csu, a.shared_with, a.annual_value_pence, a.end_date
				from cs_arrangement a join cs_service s on s.code = a.service_code
				left join cs_provider p on p.code = a.provider_code
				""" + where + " order by a.ccg_code, s.position")
			.params(params)
			.query(ArrangementRow.class)
			.list()
			.stream()
			.map(ArrangementRow::arrangement)
			.toList();
	}

	record ArrangementRow(String ccgCode, String serviceCode, String serviceName, String mode, String providerCode,
			String providerName, boolean csu, String sharedWith, Long annualValuePence, LocalDate endDate) {

		Arrangement arrangement() {
			return new Arrangement(ccgCode, new SupportService(serviceCode, serviceName), ArrangementMode.valueOf(mode),
					providerCode == null ? null : new SupportProvider(providerCode, providerName, csu),
					sharedWith == null ? List.of() : List.of(sharedWith.split(",")),
					annualValuePence == null ? null : Money.ofPence(annualValuePence), endDate);
		}
	}

	private static List<String> codes(String text) {
		if (text == null) {
			return List.of();
		}
		return Arrays.stream(text.toUpperCase(Locale.ROOT).split("[,\\s]+"))
			.filter(code -> !code.isBlank())
			.distinct()
			.toList();
	}

	private void checkCanRead(String ccgCode) {
		if (!ActingAs.isSystem()) {
			access.checkCanSee(ccgCode);
		}
	}

	private void checkNationalRead() {
		if (!ActingAs.isSystem()) {
			access.checkNational();
		}
	}

	/** Whether the signed-in user may record the CCG's arrangements: its own users and national users. */
	public boolean canRecord(String ccgCode) {
		return access.currentUser()
			.map(user -> user.isNational() || (user.role() == Role.CCG && ccgCode.equals(user.organisationCode())))
			.orElse(false);
	}

	/** The CCG's own users and national users record its arrangements; returns who records. */
	private String checkCanWrite(String ccgCode) {
		if (ActingAs.isSystem()) {
			return ActingAs.SYSTEM;
		}
		CurrentUser user = access.requireUser();
		boolean own = user.role() == Role.CCG && ccgCode.equals(user.organisationCode());
		if (!own && !user.isNational()) {
			throw new AccessDeniedException("Only " + ccgCode + "'s users and NHS England record its arrangements");
		}
		return user.username();
	}
}
