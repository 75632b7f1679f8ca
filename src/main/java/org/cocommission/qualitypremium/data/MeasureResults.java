package org.cocommission.qualitypremium.data;

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
public class MeasureResults {

	private final UploadedMeasureResults uploads;

	private final List<MeasureResultSource> others;

	MeasureResults(UploadedMeasureResults uploads, List<MeasureResultSource> sources) {
		this.uploads = uploads;
		this.others = sources.stream().filter(s -> s != uploads).toList();
	}

	public Map<String, CcgInputs> inputs(FinancialYear year) {
		return sourced(year).inputs();
	}

	/**
	 * The merged inputs, and for each CCG, where each measure's values came from when not (only) from the uploads
	 * (a measure missing from {@code origins} was uploaded), so each result can say so beside the measure.
	 */
	public record Sourced(Map<String, CcgInputs> inputs, Map<String, Map<String, String>> origins) {
	}

	public Sourced sourced(FinancialYear year) {
		List<Map<String, CcgInputs>> overlays = new ArrayList<>();
		// ccg -> measure -> period -> origin of the value that won
		Map<String, Map<String, Map<String, String>>> periodOrigins = new TreeMap<>();
		for (MeasureResultSource source : others) {
			Map<String, CcgInputs> overlay = source.inputs(year);
			overlays.add(overlay);
			overlay.forEach((ccg, in) -> in.measures().forEach((code, periods) -> periods.keySet().forEach(period ->
					periodOrigins.computeIfAbsent(ccg, k -> new TreeMap<>()).computeIfAbsent(code, k -> new TreeMap<>())
						.put(period, source.origin(year, code)))));
		}
		Map<String, CcgInputs> merged = merge(uploads.inputs(year), overlays);
		Map<String, Map<String, String>> origins = new TreeMap<>();
		periodOrigins.forEach((ccg, measures) -> measures.forEach((code, periods) -> {
			var all = merged.get(ccg).measures().getOrDefault(code, Map.of()).keySet();
			List<String> labels = periods.values().stream().distinct().toList();
			String label = String.join("; ", labels);
			if (!periods.keySet().containsAll(all)) {
				label = label + " for " + String.join(", ", periods.keySet()) + "; " + UPLOADED + " for "
						+ String.join(", ", all.stream().filter(p -> !periods.containsKey(p)).toList());
			}
			origins.computeIfAbsent(ccg, k -> new TreeMap<>()).put(code, label);
		}));
		return new Sourced(merged, origins);
	}

	/** How a result names a value from the uploads. */
	public static final String UPLOADED = "uploaded CSV";

	public String describe(FinancialYear year) {
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
