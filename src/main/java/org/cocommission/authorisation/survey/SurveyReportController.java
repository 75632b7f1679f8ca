package org.cocommission.authorisation.survey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.cocommission.directory.Directory;
import org.cocommission.directory.OrganisationRef;
import org.cocommission.platform.Exports;
import org.cocommission.platform.Table;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A CCG's 360 survey report per survey year: the page with its chart and table, the CSV and the PDF. */
@Controller
class SurveyReportController {

	private final SurveyReports reports;

	private final Directory directory;

	private final JsonMapper json;

	private final org.thymeleaf.TemplateEngine templates;

	SurveyReportController(SurveyReports reports, Directory directory, JsonMapper json,
			org.thymeleaf.TemplateEngine templates) {
		this.reports = reports;
		this.directory = directory;
		this.json = json;
		this.templates = templates;
	}

	@GetMapping("/authorisation/ccgs/{code}/surveys")
	String list(@PathVariable String code, Model model) {
		model.addAttribute("surveys", reports.surveysOf(code));
		model.addAttribute("code", code);
		model.addAttribute("name", name(code));
		return "authorisation/survey-reports";
	}

	@GetMapping("/authorisation/ccgs/{code}/surveys/{id}")
	String report(@PathVariable String code, @PathVariable long id, Model model) {
		SurveyReport report = reports.report(id, code);
		model.addAttribute("report", report);
		model.addAttribute("name", name(code));
		model.addAttribute("threshold", SurveyResult.ANONYMITY_THRESHOLD);
		model.addAttribute("chart", json.writeValueAsString(chart(report)));
		return "authorisation/survey-report";
	}

	/** The report as JSON, beside the page. */
	@GetMapping("/api/v1/authorisation/ccgs/{code}/surveys/{id}")
	@org.springframework.web.bind.annotation.ResponseBody
	SurveyReport reportJson(@PathVariable String code, @PathVariable long id) {
		return reports.report(id, code);
	}

	@GetMapping("/authorisation/ccgs/{code}/surveys/{id}.csv")
	ResponseEntity<String> csv(@PathVariable String code, @PathVariable long id) {
		SurveyReport report = reports.report(id, code);
		List<List<Object>> rows = new ArrayList<>();
		for (SurveyReport.QuestionResult question : report.questions()) {
			rows.add(row("Question " + question.result().number(), "Domain " + question.domainNumber(),
					question.result()));
		}
		for (SurveyReport.Breakdown domain : report.domains()) {
			rows.add(row("Domain", domain.label(), domain.result()));
		}
		for (SurveyReport.Breakdown group : report.groups()) {
			rows.add(row("Stakeholder group", group.label(), group.result()));
		}
		return Exports.csvDownload(new Table("360 survey report",
				List.of("Item", "Of", "Question or group", "Responses", "Agreeing", "Agreeing (%)",
						"Lower 95% limit (%)", "Upper 95% limit (%)", "National agreeing (%)"),
				rows), "survey-" + id + "-" + code + ".csv");
	}

	private static List<Object> row(String item, String of, SurveyResult result) {
		List<Object> row = new ArrayList<>();
		row.add(item);
		row.add(of);
		row.add(result.question());
		row.add(result.responses());
		row.add(blank(result.agree()));
		row.add(blank(result.agreePercent()));
		row.add(blank(result.lower95()));
		row.add(blank(result.upper95()));
		row.add(blank(result.nationalAgreePercent()));
		return row;
	}

	private static Object blank(Object value) {
		return value == null ? "" : value;
	}

	/** The report as a PDF, made as the decision letter is. */
	@GetMapping("/authorisation/ccgs/{code}/surveys/{id}.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String code, @PathVariable long id) {
		SurveyReport report = reports.report(id, code);
		org.thymeleaf.context.Context context = new org.thymeleaf.context.Context();
		context.setVariable("report", report);
		context.setVariable("name", name(code));
		context.setVariable("threshold", SurveyResult.ANONYMITY_THRESHOLD);
		Map<String, List<SurveyReport.Breakdown>> parts = new java.util.LinkedHashMap<>();
		parts.put("Domains", report.domains());
		parts.put("Stakeholder groups", report.groups());
		context.setVariable("parts", parts);
		return Exports.pdfDownload(templates.process("authorisation/survey-report-print", context),
				"survey-" + id + "-" + code + ".pdf");
	}

	/** Per question the CCG's share agreeing with its 95% interval, and the national share. */
	static Map<String, Object> chart(SurveyReport report) {
		List<String> questions = new ArrayList<>();
		List<Double> ccg = new ArrayList<>();
		List<List<Double>> intervals = new ArrayList<>();
		List<Double> national = new ArrayList<>();
		for (SurveyReport.QuestionResult question : report.questions()) {
			SurveyResult result = question.result();
			questions.add("Q" + result.number());
			ccg.add(result.agreePercent());
			intervals.add(result.agreePercent() == null ? null : List.of(result.lower95(), result.upper95()));
			national.add(result.nationalAgreePercent());
		}
		Map<String, Object> chart = new HashMap<>();
		chart.put("questions", questions);
		chart.put("ccg", ccg);
		chart.put("intervals", intervals);
		chart.put("national", national);
		return chart;
	}

	private String name(String code) {
		Map<String, OrganisationRef> refs = directory.refs(List.of(code));
		return refs.containsKey(code) ? refs.get(code).name() : code;
	}
}
