package org.cocommission.directory.organisations;

import java.util.List;
import java.util.NoSuchElementException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.cocommission.directory.Directory;
import org.cocommission.directory.ListSizePoint;
import org.cocommission.directory.Membership;
import org.cocommission.directory.OrganisationDetails;
import org.cocommission.directory.OrganisationSummary;
import org.cocommission.directory.PopulationPyramid;
import org.cocommission.directory.Revision;
import org.cocommission.directory.organisations.OrganisationListView.Request;
import org.cocommission.directory.structure.OnDate;
import org.cocommission.platform.PageOf;

/** The published directory as JSON: organisations, their hierarchy on a date, registered lists. Open to anyone. */
@RestController
@RequestMapping("/api/v1/organisations")
@Tag(name = "Directory", description = "NHS England, regions, area teams, CCGs, CSUs and GP practices")
@ApiResponse(responseCode = "400", description = "A parameter is not valid", content = @Content(
		mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class OrganisationApiController {

	private final Directory directory;

	private final DirectoryPageQueries queries;

	private final OrganisationLists lists;

	private final OrganisationPageFigures figures;

	OrganisationApiController(Directory directory, DirectoryPageQueries queries, OrganisationLists lists,
			OrganisationPageFigures figures) {
		this.directory = directory;
		this.queries = queries;
		this.lists = lists;
		this.figures = figures;
	}

	@GetMapping("/{code}")
	@Operation(summary = "One organisation with its type, name, parent chain today and current registered list",
			description = "typeHistory: what a CCG-level organisation was over time (a CCG, then a sub-ICB location"
					+ " from 1 July 2022); predecessors and successors: {code, name, effectiveDate} from ODS's"
					+ " successor file (name null when the directory does not hold the code).")
	@ApiResponse(responseCode = "200", description = "The organisation")
	@ApiResponse(responseCode = "404", description = "No organisation has this code",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	public OrganisationDetails organisation(
			@Parameter(description = "ODS code, e.g. A81001 or 00K") @PathVariable String code) {
		return figures.details(DirectoryParams.code(code));
	}

	@GetMapping
	@Operation(summary = "A page of organisations, by type, under a parent today, or matching a code or name")
	public PageOf<OrganisationSummary> list(@Valid @ParameterObject OrganisationsQuery query) {
		Request request = query.request();
		if (request.parentCode() != null) {
			existing(request.parentCode());
		}
		return lists.page(request).result();
	}

	@GetMapping("/{code}/children")
	@Operation(summary = "The organisations directly under this one on a date (default today)")
	public List<OrganisationSummary> children(@PathVariable String code, @Valid @ParameterObject OnDate query) {
		return directory.children(existing(code), query.orElse(directory.today()));
	}

	@GetMapping("/{code}/memberships")
	@Operation(summary = "Every dated link to a parent this organisation has had, newest first",
			description = "A link holds from validFrom to validTo inclusive; null means open-ended.")
	public List<Membership> memberships(@PathVariable String code) {
		return directory.memberships(existing(code));
	}

	@GetMapping("/{code}/revisions")
	@Operation(summary = "Every recorded version of this organisation's attributes, newest first")
	public List<Revision> revisions(@PathVariable String code) {
		return directory.revisions(existing(code));
	}

	@GetMapping("/{code}/list-sizes")
	@Operation(summary = "Registered patients at each extract: a practice's own, or the sum over the practices "
			+ "under it")
	List<ListSizePoint> listSizes(@PathVariable String code) {
		return directory.listSizeHistory(existing(code));
	}

	@GetMapping("/{code}/pyramid")
	@Operation(summary = "Registered patients by 5-year age band and sex at the latest extract that has them")
	@ApiResponse(responseCode = "404", description = "No such organisation, or no patients by age and sex under it",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	public PopulationPyramid pyramid(@PathVariable String code) {
		String existing = existing(code);
		return directory.pyramid(existing)
			.orElseThrow(() -> new NoSuchElementException("No registered patients by age and sex for " + existing));
	}

	private String existing(String code) {
		String canonical = DirectoryParams.code(code);
		if (!queries.exists(canonical)) {
			throw new NoSuchElementException("No organisation with code " + canonical);
		}
		return canonical;
	}
}
