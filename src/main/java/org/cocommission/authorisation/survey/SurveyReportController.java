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
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A CCG's 360 survey report per survey year: the page with its chart and table, the CSV, the PDF and the JSON; for the
 * CCG, its area team and NHS England, and once published (behind a confirmation page) for anyone under
 * {@code /authorisation/survey-reports}, where a report not published is not found.
 */
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
		model.addAttribute("publishedAt", reports.publishedAt(id, code).orElse(null));
		model.addAttribute("canPublish", reports.canPublish(code));
		model.addAttribute("base", "/authorisation/ccgs/" + code + "/surveys/" + id);
		return reportPage(report, model);
	}

	@GetMapping("/authorisation/ccgs/{code}/surveys/{id}/publish")
	String confirmPublish(@PathVariable String code, @PathVariable long id, Model model) {
		if (!reports.canPublish(code)) {
			throw new AccessDeniedException("Only the CCG itself and NHS England publish its 360 survey report");
		}
		model.addAttribute("report", reports.report(id, code));
		model.addAttribute("name", name(code));
		model.addAttribute("publishedAt", reports.publishedAt(id, code).orElse(null));
		model.addAttribute("threshold", SurveyResult.ANONYMITY_THRESHOLD);
		return "authorisation/survey-report-publish";
	}

	@PostMapping("/authorisation/ccgs/{code}/surveys/{id}/publish")
	String publish(@PathVariable String code, @PathVariable long id, RedirectAttributes redirect) {
		reports.publish(id, code);
		redirect.addFlashAttribute("published", true);
		return "redirect:/authorisation/ccgs/" + code + "/surveys/" + id;
	}

	/** Publishes the report: answers 204; publishing again changes nothing. */
	@PostMapping("/api/v1/authorisation/ccgs/{code}/surveys/{id}/publication")
	ResponseEntity<Void> publishJson(@PathVariable String code, @PathVariable long id) {
		reports.publish(id, code);
		return ResponseEntity.noContent().build();
	}

	/** Every published report, for anyone. */
	@GetMapping("/authorisation/survey-reports")
	String publishedList(Model model) {
		List<SurveyReports.PublishedReport> published = reports.published();
		Map<String, String> names = new HashMap<>();
		published.forEach(row -> names.computeIfAbsent(row.ccgCode(), this::name));
		model.addAttribute("published", published);
		model.addAttribute("names", names);
		return "authorisation/survey-reports-published";
	}

	@GetMapping("/api/v1/authorisation/survey-reports")
	@org.springframework.web.bind.annotation.ResponseBody
	List<SurveyReports.PublishedReport> publishedListJson() {
		return reports.published();
	}

	@GetMapping("/authorisation/survey-reports/{code}/{id}")
	String publishedReport(@PathVariable String code, @PathVariable long id, Model model) {
		SurveyReport report = reports.publishedReport(id, code);
		model.addAttribute("publishedAt", reports.publishedAt(id, code).orElse(null));
		model.addAttribute("canPublish", false);
		model.addAttribute("publicView", true);
		model.addAttribute("base", "/authorisation/survey-reports/" + code + "/" + id);
		return reportPage(report, model);
	}

	@GetMapping("/api/v1/authorisation/survey-reports/{code}/{id}")
	@org.springframework.web.bind.annotation.ResponseBody
	SurveyReport publishedReportJson(@PathVariable String code, @PathVariable long id) {
		return reports.publishedReport(id, code);
	}

	@GetMapping("/authorisation/survey-reports/{code}/{id}.csv")
	ResponseEntity<String> publishedCsv(@PathVariable String code, @PathVariable long id) {
		return csv(reports.publishedReport(id, code));
	}

	@GetMapping("/authorisation/survey-reports/{code}/{id}.pdf")
	ResponseEntity<byte[]> publishedPdf(@PathVariable String code, @PathVariable long id) {
		return pdf(reports.publishedReport(id, code));
	}

	private String reportPage(SurveyReport report, Model model) {
		String code = report.ccgCode();
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
		return csv(reports.report(id, code));
	}

	private static ResponseEntity<String> csv(SurveyReport report) {
		long id = report.surveyId();
		String code = report.ccgCode();
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
		return pdf(reports.report(id, code));
	}

	private ResponseEntity<byte[]> pdf(SurveyReport report) {
		long id = report.surveyId();
		String code = report.ccgCode();
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
	static Chart chart(SurveyReport report) {
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
		return new Chart(questions, ccg, intervals, national);
	}

	/**
	 * The chart as authorisation-charts.js reads it, a value per question: its label ("Q1"), the CCG's share
	 * agreeing (null when withheld), that share's 95% interval (null with it) and the national share.
	 */
	record Chart(List<String> questions, List<Double> ccg, List<List<Double>> intervals, List<Double> national) {
	}

	private String name(String code) {
		Map<String, OrganisationRef> refs = directory.refs(List.of(code));
		return refs.containsKey(code) ? refs.get(code).name() : code;
	}
}
