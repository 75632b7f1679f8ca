package org.cocommission.commissioningsupport;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What call-offs and provider reviews write to the audit trail keeps its field names and values. (PostgreSQL's jsonb
 * keeps its own key order, whatever the record's; the module tests check the rows as stored.)
 */
class CommissioningSupportAuditDetailsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void eachStepOfACallOffRecordsItsFacts() {
		assertThat(JSON.writeValueAsString(new CallOffs.Started("IT", "IT support", List.of(60, 30, 10))))
			.isEqualTo("{\"service\":\"IT\",\"title\":\"IT support\",\"weights\":[60,30,10]}");
		assertThat(JSON.writeValueAsString(new CallOffs.BidReceived("0CS", new BigDecimal("5000.00"))))
			.isEqualTo("{\"provider\":\"0CS\",\"annualValue\":5000.00}");
		assertThat(JSON.writeValueAsString(new CallOffs.Scored("Dee", "0CS", "Price", 3)))
			.isEqualTo("{\"evaluator\":\"Dee\",\"provider\":\"0CS\",\"criterion\":\"Price\",\"score\":3}");
		assertThat(JSON.writeValueAsString(new CallOffs.Awarded("0CS", new BigDecimal("5000.00"), new BigDecimal("83.0"),
				LocalDate.of(2019, 3, 31), LocalDate.of(2016, 4, 11))))
			.isEqualTo("{\"provider\":\"0CS\",\"annualValue\":5000.00,\"weightedTotal\":83.0,\"contractEnd\":\"2019-03-31\","
					+ "\"standstillEnds\":\"2016-04-11\"}");
	}

	@Test
	void anEvaluatorNamesTheirPersonOnTheRegisterOnlyWhenChosenFromIt() {
		assertThat(JSON.writeValueAsString(new CallOffs.EvaluatorRecorded("Ann Ellis", 12L, "None declared or registered")))
			.isEqualTo("{\"evaluator\":\"Ann Ellis\",\"registerPerson\":12,\"conflict\":\"None declared or registered\"}");
		assertThat(JSON.writeValueAsString(new CallOffs.EvaluatorRecorded("Cat Jones", null, "declared on the call-off")))
			.isEqualTo("{\"evaluator\":\"Cat Jones\",\"conflict\":\"declared on the call-off\"}");
	}

	@Test
	void aServiceLevelItsActualsAndTheDemoRecordTheirFacts() {
		assertThat(JSON.writeValueAsString(new ProviderReviews.ServiceLevelAgreed("IT", "0RV", "Reports on time",
				new BigDecimal("95"))))
			.isEqualTo("{\"service\":\"IT\",\"provider\":\"0RV\",\"measure\":\"Reports on time\",\"target\":95}");
		assertThat(JSON.writeValueAsString(new ProviderReviews.ActualRecorded("Reports on time", LocalDate.of(2016, 4, 1),
				new BigDecimal("94.9"))))
			.isEqualTo("{\"measure\":\"Reports on time\",\"quarterStart\":\"2016-04-01\",\"actual\":94.9}");
		assertThat(JSON.writeValueAsString(new ProviderReviews.DemoLoaded(List.of("2015/16", "2016/17"), 40, 240, 12, 96)))
			.isEqualTo("{\"years\":[\"2015/16\",\"2016/17\"],\"responses\":40,\"answers\":240,\"serviceLevels\":12,"
					+ "\"quarterlyActuals\":96}");
	}
}
