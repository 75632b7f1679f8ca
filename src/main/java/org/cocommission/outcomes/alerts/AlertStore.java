package org.cocommission.outcomes.alerts;

import java.util.List;
import java.util.Optional;

import org.cocommission.identity.CurrentUser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The alert table: storing new alerts once, reading them within a user's scope, and acknowledging one. */
@Component
class AlertStore {

	private static final String COLUMNS = """
			a.id, a.indicator_id, i.name as indicator_name, a.level, a.org_code, coalesce(a.org_name, a.org_code) as org_name,
			a.ccg_code, a.area_team_code, a.reason, a.previous_period, a.period, a.previous_value, a.value,
			a.previous_decile, a.decile, a.z, a.raised_at, a.acknowledged_by, a.acknowledged_at, a.acknowledgement,
			a.withdrawn_at, a.withdrawn_reason, a.withdrawn_by, a.version
			""";

	private static final String FROM = " from outcomes_alert a join outcomes_indicator i on i.id = a.indicator_id";

	private final JdbcClient jdbc;

	AlertStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores the alerts not stored before (same organisation, indicator, reason and periods) in one statement; one
	 * withdrawn before, whose condition holds again after a later correction, is reinstated with the new figures.
	 */
	int insertNew(List<AlertRules.Raised> alerts) {
		if (alerts.isEmpty()) {
			return 0;
		}
		int size = alerts.size();
		String[] indicator = new String[size];
		String[] level = new String[size];
		String[] org = new String[size];
		String[] name = new String[size];
		String[] ccg = new String[size];
		String[] area = new String[size];
		String[] reason = new String[size];
		String[] previousPeriod = new String[size];
		String[] period = new String[size];
		Double[] previousValue = new Double[size];
		Double[] value = new Double[size];
		Integer[] previousDecile = new Integer[size];
		Integer[] decile = new Integer[size];
		Double[] z = new Double[size];
		for (int i = 0; i < size; i++) {
			AlertRules.Raised alert = alerts.get(i);
			indicator[i] = alert.indicatorId();
			level[i] = alert.level().name();
			org[i] = alert.orgCode();
			name[i] = alert.orgName();
			ccg[i] = alert.ccgCode();
			area[i] = alert.areaTeamCode();
			reason[i] = alert.reason().name();
			previousPeriod[i] = alert.previousPeriod();
			period[i] = alert.period();
			previousValue[i] = alert.previousValue();
			value[i] = alert.value();
			previousDecile[i] = alert.previousDecile();
			decile[i] = alert.decile();
			z[i] = alert.z();
		}
		return jdbc.sql("""
				insert into outcomes_alert (indicator_id, level, org_code, org_name, ccg_code, area_team_code, reason,
				  previous_period, period, previous_value, value, previous_decile, decile, z)
				select * from unnest(cast(? as varchar[]), cast(? as varchar[]), cast(? as varchar[]), cast(? as varchar[]),
				  cast(? as varchar[]), cast(? as varchar[]), cast(? as varchar[]), cast(? as varchar[]), cast(? as varchar[]),
				  cast(? as float8[]), cast(? as float8[]), cast(? as int2[]), cast(? as int2[]), cast(? as float8[]))
				on conflict (org_code, indicator_id, reason, previous_period, period) do update
				  set previous_value = excluded.previous_value, value = excluded.value,
				    previous_decile = excluded.previous_decile, decile = excluded.decile, z = excluded.z,
				    ccg_code = excluded.ccg_code, area_team_code = excluded.area_team_code, raised_at = now(),
				    withdrawn_at = null, withdrawn_reason = null, version = outcomes_alert.version + 1
				  where outcomes_alert.withdrawn_at is not null and outcomes_alert.withdrawn_by is null
				""")
			.params(indicator, level, org, name, ccg, area, reason, previousPeriod, period, previousValue, value,
					previousDecile, decile, z)
			.update();
	}

	/**
	 * What a user may see: everything (national), an area team's alerts (area team), a CCG's own and its member
	 * practices' (CCG), or one practice's own; as an SQL condition on {@code :scopeOrg} and in memory. A practice's
	 * alert carries the CCG it was placed in for the alert's period, as its values were (PracticeValues' PRACTICES
	 * query), so a practice that moved CCG stays with the CCG it belonged to then; a CCG's own alert carries its own
	 * code.
	 */
	record Scope(Kind kind, String organisation) {

		enum Kind {
			ALL, AREA_TEAM, CCG, OWN
		}

		static Scope of(CurrentUser user) {
			if (user.isNational()) {
				return new Scope(Kind.ALL, null);
			}
			Kind kind = switch (user.role()) {
				case AREA_TEAM -> Kind.AREA_TEAM;
				case CCG -> Kind.CCG;
				default -> Kind.OWN;
			};
			return new Scope(kind, user.organisationCode());
		}

		String condition() {
			return switch (kind) {
				case ALL -> "true";
				case AREA_TEAM -> "a.area_team_code = :scopeOrg";
				case CCG -> "(a.ccg_code = :scopeOrg or a.org_code = :scopeOrg)";
				case OWN -> "a.org_code = :scopeOrg";
			};
		}

		boolean includes(Alert alert) {
			return includes(alert.orgCode(), alert.ccgCode(), alert.areaTeamCode());
		}

		boolean includes(String orgCode, String ccgCode, String areaTeamCode) {
			return switch (kind) {
				case ALL -> true;
				case AREA_TEAM -> organisation.equals(areaTeamCode);
				case CCG -> organisation.equals(ccgCode) || organisation.equals(orgCode);
				case OWN -> organisation.equals(orgCode);
			};
		}
	}

	long count(Scope scope, AlertFilter filter) {
		return jdbc.sql("select count(*)" + FROM + where(scope))
			.paramSource(parameters(scope, filter))
			.query(Long.class)
			.single();
	}

	List<Alert> find(Scope scope, AlertFilter filter, int limit, long offset) {
		return jdbc.sql("select " + COLUMNS + FROM + where(scope) + " order by " + order(filter) + " limit :limit offset :offset")
			.paramSource(parameters(scope, filter).addValue("limit", limit).addValue("offset", offset))
			.query(Alert.class)
			.list();
	}

	/** Current unacknowledged alerts in scope with an id above {@code afterId}, oldest first, at most {@code limit}. */
	List<Alert> newSince(Scope scope, long afterId, int limit) {
		return jdbc.sql("select " + COLUMNS + FROM + " where " + scope.condition()
				+ " and a.acknowledged_at is null and a.withdrawn_at is null and a.id > :after order by a.id limit :limit")
			.param("scopeOrg", scope.organisation())
			.param("after", afterId)
			.param("limit", limit)
			.query(Alert.class)
			.list();
	}

	/** Who a current unacknowledged alert concerns, for deciding in memory whose digest lists it. */
	record OpenAlert(long id, String orgCode, String ccgCode, String areaTeamCode) {
	}

	List<OpenAlert> open() {
		return jdbc.sql("select id, org_code, ccg_code, area_team_code from outcomes_alert"
				+ " where acknowledged_at is null and withdrawn_at is null order by id")
			.query(OpenAlert.class)
			.list();
	}

	/** A current unacknowledged alert by its key, for checking whether its condition still holds. */
	record OpenKey(long id, String indicatorId, String orgCode, AlertReason reason, String previousPeriod,
			String period) {

		AlertKey key() {
			return new AlertKey(indicatorId, orgCode, reason, previousPeriod, period);
		}
	}

	/** What makes an alert the same alert: the unique key of the table. */
	record AlertKey(String indicatorId, String orgCode, AlertReason reason, String previousPeriod, String period) {

		static AlertKey of(AlertRules.Raised raised) {
			return new AlertKey(raised.indicatorId(), raised.orgCode(), raised.reason(), raised.previousPeriod(),
					raised.period());
		}
	}

	/** The current unacknowledged alerts of these indicators. */
	List<OpenKey> openOf(java.util.Collection<String> indicatorIds) {
		return jdbc.sql("select id, indicator_id, org_code, reason, previous_period, period from outcomes_alert"
				+ " where acknowledged_at is null and withdrawn_at is null and indicator_id = any (:ids) order by id")
			.param("ids", indicatorIds.toArray(String[]::new))
			.query(OpenKey.class)
			.list();
	}

	/** Withdraws these alerts if they are still current and unacknowledged; returns those it withdrew. */
	List<Long> withdraw(List<Long> ids, String reason) {
		return jdbc.sql("update outcomes_alert set withdrawn_at = now(), withdrawn_reason = :reason,"
				+ " version = version + 1 where id = any (:ids) and acknowledged_at is null and withdrawn_at is null"
				+ " returning id")
			.param("reason", reason)
			.param("ids", ids.toArray(Long[]::new))
			.query(Long.class)
			.list();
	}

	/** A person withdraws the alert if it is still at {@code version} and not withdrawn; false otherwise. */
	boolean withdrawBy(long id, int version, String username, String reason) {
		return jdbc.sql("update outcomes_alert set withdrawn_at = now(), withdrawn_reason = :reason, withdrawn_by = :by,"
				+ " version = version + 1 where id = :id and version = :version and withdrawn_at is null")
			.param("reason", reason)
			.param("by", username)
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	Optional<Alert> find(long id) {
		return jdbc.sql("select " + COLUMNS + FROM + " where a.id = :id").param("id", id).query(Alert.class).optional();
	}

	/** Acknowledges the alert if it is still at {@code version} and unacknowledged; false otherwise. */
	boolean acknowledge(long id, int version, String username, String note) {
		return jdbc.sql("update outcomes_alert set acknowledged_by = :by, acknowledged_at = now(), acknowledgement = :note,"
				+ " version = version + 1 where id = :id and version = :version and acknowledged_at is null"
				+ " and withdrawn_at is null")
			.param("by", username)
			.param("note", note)
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	private static String where(Scope scope) {
		return " where " + scope.condition() + " and (cast(:reason as varchar) is null or a.reason = :reason)"
				+ " and (cast(:indicator as varchar) is null or a.indicator_id = :indicator)"
				+ " and (cast(:level as varchar) is null or a.level = :level)"
				+ " and (cast(:acknowledged as boolean) is null or (a.acknowledged_at is not null) = :acknowledged)"
				+ " and (a.withdrawn_at is not null) = :withdrawn";
	}

	private static org.springframework.jdbc.core.namedparam.MapSqlParameterSource parameters(Scope scope,
			AlertFilter filter) {
		return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource().addValue("scopeOrg", scope.organisation())
			.addValue("reason", filter.reason() == null ? null : filter.reason().name())
			.addValue("indicator", filter.indicatorId())
			.addValue("level", filter.level() == null ? null : filter.level().name())
			.addValue("acknowledged", filter.acknowledged())
			.addValue("withdrawn", filter.withdrawn());
	}

	private static String order(AlertFilter filter) {
		String direction = filter.descending() ? " desc" : " asc";
		return switch (filter.sort()) {
			case "organisation" -> "coalesce(a.org_name, a.org_code)" + direction + ", a.id desc";
			case "indicator" -> "i.name" + direction + ", a.id desc";
			case "reason" -> "a.reason" + direction + ", a.id desc";
			case "period" -> "a.period" + direction + ", a.id desc";
			default -> "a.id" + direction;
		};
	}
}
