package org.cocommission.qualitypremium.runs;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cocommission.qualitypremium.RunSummary;
import org.cocommission.qualitypremium.data.CcgInputs;
import org.cocommission.qualitypremium.data.MeasureResults;
import org.cocommission.qualitypremium.schemes.Measure;
import org.cocommission.qualitypremium.schemes.Scheme;

/**
 * One CCG's result in a run, with the award step by step, the scheme it was computed under and its inputs.
 * {@code measureOrigins} says where a measure's values came from when not from the uploads.
 */
public record CcgResult(RunSummary run, String ccgCode, String ccgName, Award award, Scheme scheme, CcgInputs inputs,
		Set<String> agreedLocalMeasures, String source, Map<String, String> measureOrigins) {

	public CcgResult {
		measureOrigins = measureOrigins == null ? Map.of() : Map.copyOf(measureOrigins);
	}

	/**
	 * Where the values judging a measure came from (a composite's parts each say theirs): an outcomes indicator, the
	 * uploaded CSV, or no data.
	 */
	public String dataFrom(String measureCode) {
		List<String> codes = scheme.measure(measureCode)
			.filter(m -> !m.parts().isEmpty())
			.map(m -> m.parts().stream().map(Measure::code).toList())
			.orElse(List.of(measureCode));
		List<String> origins = codes.stream().map(code -> {
			String origin = measureOrigins.containsKey(code) ? measureOrigins.get(code)
					: inputs.measures().containsKey(code) ? MeasureResults.UPLOADED : "no data";
			return codes.size() > 1 ? code + ": " + origin : origin;
		}).toList();
		return String.join("; ", origins);
	}
}
