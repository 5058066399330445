package dev.sluice.benchmarks.jmh;

import dev.sluice.domain.endpoint.Endpoint;
import dev.sluice.domain.model.ModelCatalog;
import dev.sluice.domain.model.ModelSource;
import dev.sluice.domain.model.ModelState;
import dev.sluice.domain.model.UnifiedModel;
import dev.sluice.domain.routing.ModelRouter;
import dev.sluice.domain.routing.RoutingDecision;
import dev.sluice.domain.routing.RoutingPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The routing decision for one model over a catalogue of 1,000 models spread over 8 endpoints (each model on 2):
 * the catalogue lookup of the endpoints hosting it (ignoring case, as the proxy does) and the strategy's decision.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RoutingBenchmark {

    @Param({"1000"})
    public int models;

    @Param({"strict"})
    public String strategy;

    private ModelCatalog catalog;
    private ModelRouter router;
    private List<Endpoint> candidates;
    private String wanted;

    @Setup
    public void setUp() {
        candidates = Fleets.endpoints(8);
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        List<UnifiedModel> all = new ArrayList<>(models);
        for (int i = 0; i < models; i++) {
            String name = "family" + (i % 40) + "-model-" + i + ":q4_k_m";
            List<ModelSource> sources = List.of(
                    new ModelSource(candidates.get(i % 8), name, ModelState.AVAILABLE, 1L << 30, now),
                    new ModelSource(candidates.get((i + 3) % 8), name, ModelState.AVAILABLE, 1L << 30, now));
            all.add(new UnifiedModel(name, "family" + (i % 40), "1", "7B", 7_000_000_000L, "q4km", "gguf", "llm",
                    "", "sha256:" + i, 1L << 30, 8192, List.of("chat"), List.of(), sources, now));
        }
        catalog = new ModelCatalog(all, now);
        router = new ModelRouter(RoutingPolicy.strict());
        wanted = "Family7-Model-487:Q4_K_M";
    }

    @Benchmark
    public RoutingDecision decide() {
        return router.decide(candidates, catalog.endpointsServing(wanted), false);
    }
}
