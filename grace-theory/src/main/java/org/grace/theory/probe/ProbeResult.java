package org.grace.theory.probe;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.grace.theory.bound.PacBayesTerms;
import org.grace.theory.discrepancy.Lemma32Result;
import org.grace.theory.discrepancy.ProxyAResult;
import org.grace.theory.drift.DriftReport;
import org.grace.theory.drift.TensorDrift;
import org.grace.theory.spectral.LanczosResult;
import org.grace.theory.spectral.LayerCurvature;
import org.grace.theory.spectral.SpectralDensity;
import org.grace.theory.spectral.TraceEstimate;

/**
 * Everything one {@link MethodProbe} measured for one method.
 *
 * @param method        the method
 * @param drift         ‖θ_eff − θ0‖/‖θ0‖ over the vision tower, globally and per tensor
 * @param layerDrift    the same per layer (residual block, or module outside the blocks), in model order
 * @param lanczos       the λ_max run (Ritz values, residual, stop reason)
 * @param trace         Hutchinson estimate of Tr ∇²L over the vision q/v weights
 * @param layerTraces   Tr of each q/v layer's diagonal Hessian block, in block order, keyed by module name
 * @param density       the SLQ spectral density, or null when it was not requested
 * @param asymmetry     the relative asymmetry the symmetry check measured (0 when skipped)
 * @param idError       top-1 error of the deployed classifier on the ID set (the bound's R̂_ID)
 * @param idOod         Lemma 3.2 between ID and OOD features
 * @param idAdv         Lemma 3.2 between ID and adversarial features
 * @param oodAdv        Lemma 3.2 between OOD and adversarial features
 * @param proxyIdOod    proxy A-distance between ID and OOD features
 * @param proxyIdAdv    proxy A-distance between ID and adversarial features
 * @param bound         every term of Theorem 3.1 at the σ that minimises it
 * @param timings       where the time went
 */
public record ProbeResult(String method, DriftReport drift, Map<String, TensorDrift> layerDrift, LanczosResult lanczos,
                          TraceEstimate trace, Map<String, TraceEstimate> layerTraces, SpectralDensity density,
                          double asymmetry, double idError, Lemma32Result idOod, Lemma32Result idAdv,
                          Lemma32Result oodAdv, ProxyAResult proxyIdOod, ProxyAResult proxyIdAdv, PacBayesTerms bound,
                          ProbeTimings timings) {

    public ProbeResult {
        layerDrift = Collections.unmodifiableMap(new LinkedHashMap<>(layerDrift));
        layerTraces = Collections.unmodifiableMap(new LinkedHashMap<>(layerTraces));
    }

    /** λ_max, the largest Ritz value. */
    public double lambdaMax() {
        return lanczos.lambdaMax();
    }

    /** The largest of the three Lemma 3.2 discrepancies: the bound's term (C). */
    public double discrepancyMax() {
        return Math.max(idOod.bound(), Math.max(idAdv.bound(), oodAdv.bound()));
    }

    /** The q/v layer names in block order (the bench's {@code layer_names_index}). */
    public List<String> layerNames() {
        return new ArrayList<>(layerTraces.keySet());
    }

    /** The per-layer traces in {@link #layerNames()} order (the bench's {@code layer_trace}). */
    public double[] layerTraceValues() {
        return layerTraces.values().stream().mapToDouble(TraceEstimate::mean).toArray();
    }

    /**
     * Σ of the per-layer block traces: a second unbiased estimate of the q/v trace, independent of
     * {@link #trace()} (its own probes) and usually tighter, because block-supported probes leave out the
     * cross-layer entries that dominate the variance of whole-vector Hutchinson (SE = √Σ SE²).
     */
    public TraceEstimate layerTraceTotal() {
        return LayerCurvature.byLayer(layerTraces, layer -> "q/v").get("q/v");
    }

    /**
     * The bench's theory metrics, named as grace-bench's {@code Evaluations.THEORY_METRICS}, in that order:
     * drift, lambda_max, trace, disc_id_ood, disc_id_adv, disc_ood_adv, disc_max, proxy_a_id_ood,
     * proxy_a_id_adv, bound_risk, bound_prior, bound_sharpness, bound_discrepancy, bound_total, bound_sigma.
     * {@code bound_total} also contains λ* and the confidence term ln(1/δ)/n (both 0 with the default config).
     */
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("drift", drift.global().relative());
        m.put("lambda_max", lambdaMax());
        m.put("trace", trace.mean());
        m.put("disc_id_ood", idOod.bound());
        m.put("disc_id_adv", idAdv.bound());
        m.put("disc_ood_adv", oodAdv.bound());
        m.put("disc_max", discrepancyMax());
        m.put("proxy_a_id_ood", proxyIdOod.distance());
        m.put("proxy_a_id_adv", proxyIdAdv.distance());
        m.put("bound_risk", bound.empiricalRisk());
        m.put("bound_prior", bound.proximity());
        m.put("bound_sharpness", bound.sharpness());
        m.put("bound_discrepancy", bound.discrepancy());
        m.put("bound_total", bound.total());
        m.put("bound_sigma", bound.sigma());
        return Collections.unmodifiableMap(m);
    }
}
