package org.cocommission.finance;

import java.time.LocalDate;
import java.util.List;
import java.util.function.IntToLongFunction;

import org.cocommission.identity.NewUser;
import org.cocommission.identity.Role;
import org.cocommission.identity.UserAccounts;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What finance's tests stand on: a directory ({@link FinanceTestData}), users, and published formulas and baselines
 * made through the API.
 * <p>
 * Imported ({@code @Import(FinanceFixture.class)}) by every finance test that needs the whole application, which
 * therefore share one application context and one database. They stay apart by their own codes and years, because a
 * run counts every CCG with lists at the extract its year reads (the latest on or before 1 April), and the global sum
 * reads England's latest extract:
 * <ul>
 * <li>{@code FinanceScenarioTests}: CCGs {@code FSC*} and {@code FSD*}, lists at 1 January 2014, a 2013/14 baseline,
 * runs of 2014/15 and 2015/16;</li>
 * <li>{@code FinanceApiTests}: {@code FAC*}, lists at 1 January 2020, a 2019/20 baseline, runs of 2020/21;</li>
 * <li>both give their practices lists at {@link FinanceTestData#GLOBAL_SUM_EXTRACT} too, for the global sum;</li>
 * <li>{@code FinanceOutcomesPeersTests}: {@code FOC*} (in their places from 1 April 2012), lists at 1 April 2012, a
 * 2011/12 baseline, a published run of 2012/13: before every other run, as a published run of a year is the next
 * year's baseline and the scenario's runs page proposes the year after the latest published. While it runs, the same
 * lists stand at 1 January 2031 too, the latest, so that the outcomes peer groups it computes are of its CCGs alone;
 * it removes those lists and the peer groups when done, so the global sum and the peers of other tests are as
 * before.</li>
 * </ul>
 */
public class FinanceFixture {

	/** Every fixture user's password. */
	public static final String PASSWORD = "finance-fixture-password";

	private final JdbcClient jdbc;

	private final UserAccounts accounts;

	private final MockMvc mvc;

	private final ApplicationEventPublisher events;

	FinanceFixture(JdbcClient jdbc, UserAccounts accounts, MockMvc mvc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.mvc = mvc;
		this.events = events;
	}

	/** {@link FinanceTestData#area}, then the application told that the lists at {@code extract} changed. */
	public List<String> area(String area, String prefix, int ccgs, LocalDate extract) {
		return area(area, prefix, ccgs, extract, LocalDate.of(2013, 4, 1));
	}

	/** The same with the practices and CCGs in their places from {@code from}. */
	public List<String> area(String area, String prefix, int ccgs, LocalDate extract, LocalDate from) {
		List<String> codes = FinanceTestData.area(jdbc, area, prefix, ccgs, extract, from);
		FinanceTestData.changed(events, extract);
		return codes;
	}

	/** {@link FinanceTestData#globalSumLists}, then the application told that the global sum's lists changed. */
	public void globalSumLists(List<String> ccgs) {
		FinanceTestData.globalSumLists(jdbc, ccgs);
		FinanceTestData.changed(events, FinanceTestData.GLOBAL_SUM_EXTRACT);
	}

	/** A user with {@link #PASSWORD}, made once. */
	public void user(String username, String name, Role role, String organisation) {
		if (accounts.find(username).isEmpty()) {
			accounts.create(new NewUser(username, name, null, role, organisation, PASSWORD));
		}
	}

	/** The request signed in as {@code username} by HTTP Basic. */
	public static MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
		return request.with(httpBasic(username, PASSWORD));
	}

	/** A formula ({@link FinanceTestData#formulaJson}) made as a draft and published by {@code user}; its id. */
	public long publishedFormula(String user, String name, String year) throws Exception {
		String body = mvc.perform(as(user, post("/api/v1/finance/formulas")).contentType(MediaType.APPLICATION_JSON)
			.content(FinanceTestData.formulaJson(name, year, false)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DRAFT"))
			.andReturn().getResponse().getContentAsString();
		long id = Long.parseLong(body.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
		mvc.perform(as(user, post("/api/v1/finance/formulas/" + id + "/publish?version=0")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PUBLISHED"));
		return id;
	}

	/** The core CCG baseline of the year starting in {@code startYear}: the {@code i}th CCG's is {@code allocation(i)}. */
	public void baseline(String user, int startYear, List<String> ccgs, IntToLongFunction allocation) throws Exception {
		StringBuilder rows = new StringBuilder("[");
		for (int i = 0; i < ccgs.size(); i++) {
			rows.append(i == 0 ? "" : ",").append("{\"ccgCode\":\"").append(ccgs.get(i))
				.append("\",\"allocation\":").append(allocation.applyAsLong(i)).append("}");
		}
		mvc.perform(as(user, post("/api/v1/finance/baselines/" + startYear + "/CORE_CCG"))
			.contentType(MediaType.APPLICATION_JSON).content(rows.append("]").toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rows").value(ccgs.size()));
	}
}
