package org.cocommission.qualitypremium;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import org.cocommission.platform.FinancialYear;

/**
 * The achievement data a run uses: the values of any other {@link MeasureResultSource} where it has them, and the
 * uploaded CSV values otherwise ("uses the outcomes capability's computed values when present, and uploads
 * otherwise", issue 7).
 */
@Component
class MeasureResults {

	private final UploadedMeasureResults uploads;

	private final List<MeasureResultSource> others;

	MeasureResults(UploadedMeasureResults uploads, List<MeasureResultSource> sources) {
		this.uploads = uploads;
		this.others = sources.stream().filter(s -> s != uploads).toList();
	}

	Map<String, CcgInputs> inputs(FinancialYear year) {
		return merge(uploads.inputs(year), others.stream().map(s -> s.inputs(year)).toList());
	}

	String describe(FinancialYear year) {
		if (others.isEmpty()) {
			return uploads.describe(year);
		}
		List<String> names = new ArrayList<>(others.stream().map(s -> s.describe(year)).toList());
		return String.join("; ", names) + " where present, otherwise " + uploads.describe(year);
	}

	/** The base inputs with every value the overlays give put over them, the later overlays winning. */
	static Map<String, CcgInputs> merge(Map<String, CcgInputs> base, List<Map<String, CcgInputs>> overlays) {
		Map<String, CcgInputs> merged = new TreeMap<>(base);
		for (Map<String, CcgInputs> overlay : overlays) {
			overlay.forEach((ccg, inputs) -> merged.merge(ccg, inputs, CcgInputs::overlaidWith));
		}
		return merged;
	}
}
