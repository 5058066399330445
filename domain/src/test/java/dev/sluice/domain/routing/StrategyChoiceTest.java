package dev.sluice.domain.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.domain.balancing.LeastConnectionsBalancer;
import dev.sluice.domain.balancing.RoundRobinBalancer;
import dev.sluice.domain.balancing.FastestResponseBalancer;
import dev.sluice.domain.pattern.Glob;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StrategyChoiceTest {

    private final Strategy global = Strategy.of(new LeastConnectionsBalancer());
    private final Strategy fastest = Strategy.of(new FastestResponseBalancer());
    private final Strategy roundRobin = Strategy.of(new RoundRobinBalancer());
    private final StrategyChoice choice = new StrategyChoice(global, Map.of("/olla/openai/", fastest),
            List.of(new ModelStrategy(new Glob("llama*"), roundRobin)));

    @Test
    void aModelOverrideWinsOverItsRoutesAndTheRouteOverTheGlobalStrategy() {
        assertThat(choice.forRequest("openai", Optional.of("llama3.2:3b"))).isSameAs(roundRobin);
        assertThat(choice.forRequest("openai", Optional.of("gpt-4o"))).isSameAs(fastest);
        assertThat(choice.forRequest("OpenAI", Optional.empty())).isSameAs(fastest);
        assertThat(choice.forRequest("ollama", Optional.of("qwen2.5:7b"))).isSameAs(global);
        assertThat(choice.forRequest("ollama", Optional.of("Llama3"))).isSameAs(roundRobin);
    }

    @Test
    void routesMayBeWrittenAsPrefixesOrPaths() {
        assertThat(StrategyChoice.routeKey("/olla/anthropic/")).isEqualTo("anthropic");
        assertThat(StrategyChoice.routeKey("olla/vllm")).isEqualTo("vllm");
        assertThat(StrategyChoice.routeKey(" Proxy ")).isEqualTo("proxy");
    }
}
