package org.cocommission.qualitypremium;

import java.util.Set;

/** One CCG's result in a run, with the award step by step, the scheme it was computed under and its inputs. */
public record CcgResult(RunSummary run, String ccgCode, String ccgName, Award award, Scheme scheme, CcgInputs inputs,
		Set<String> agreedLocalMeasures, String source) {
}
