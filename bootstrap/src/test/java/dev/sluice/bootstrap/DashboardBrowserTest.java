package dev.sluice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.simulator.BackendKind;
import dev.sluice.simulator.SimulatedBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in a real browser: Debian's headless Chromium, driven by Selenium through chromedriver, against
 * the proxy in front of three simulated Ollama servers. It must list the endpoints and where each model is, and
 * show a backend going down without a reload. Leaves a screenshot in {@code target/screenshots/dashboard.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class DashboardBrowserTest {

    private final List<SimulatedBackend> backends = new ArrayList<>();
    private RunningProxy proxy;
    private HeadlessChromium browser;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        HeadlessChromium.assumeInstalled();
        String[][] fleet = {
                {"gpu-east", "llama3.2:3b", "qwen2.5:7b", "mistral:7b"},
                {"gpu-west", "llama3.2:3b", "phi3:mini"},
                {"cpu-spare", "nomic-embed-text:latest", "qwen2.5:7b"}};
        List<String> endpoints = new ArrayList<>();
        for (String[] spec : fleet) {
            SimulatedBackend backend = SimulatedBackend.builder(BackendKind.OLLAMA).name(spec[0])
                    .models(java.util.Arrays.copyOfRange(spec, 1, spec.length)).start();
            backends.add(backend);
            endpoints.add(RunningProxy.endpoint(spec[0], backend.baseUri(), "ollama"));
        }
        proxy = RunningProxy.start(dir, RunningProxy.config("", endpoints.toArray(String[]::new)));
        for (int i = 0; i < 6; i++) {
            proxy.post("/olla/ollama/api/chat", "{\"model\":\"llama3.2:3b\",\"stream\":false,"
                    + "\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}");
        }
        browser = new HeadlessChromium(dir, 1400, 1100);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        backends.forEach(SimulatedBackend::close);
    }

    private String statusOf(String endpoint) {
        return (String) browser.script("var e = document.querySelector(\"#endpoints tr[data-endpoint='" + endpoint
                + "'] .pill\"); return e ? e.textContent : '';");
    }

    @Test
    @SuppressWarnings("unchecked")
    void showsEndpointsAndModels_andABackendGoingDown() throws IOException {
        browser.driver.get("http://localhost:" + proxy.app.port() + "/internal/ui/");
        browser.waitUpTo(20).until(d -> browser.count("#endpoints tbody tr") == 3);
        browser.waitUpTo(20).until(d -> browser.count("#models tbody tr") == 5);
        assertThat(statusOf("gpu-east")).isEqualTo("healthy");
        assertThat((List<Object>) browser.script("return Array.from(document.querySelectorAll("
                + "\"#models tr[data-model='llama3.2:3b'] .chip\")).map(function (c) { return c.textContent; });"))
                .containsExactlyInAnyOrder("gpu-east", "gpu-west");
        browser.waitUpTo(20).until(d -> !"–".equals(browser.script(
                "return document.getElementById('card-rate').textContent;")));
        assertThat(browser.count("#chart-rate polyline")).isEqualTo(1);

        backends.get(1).stop();
        // The page polls: the row turns without a reload, and the model's chip on that endpoint is struck through.
        browser.waitUpTo(30).until(d -> !statusOf("gpu-west").equals("healthy") && !statusOf("gpu-west").isEmpty());
        browser.waitUpTo(20).until(d -> browser.count("#models tr[data-model='phi3:mini'] .chip.down") == 1);
        assertThat(statusOf("gpu-east")).isEqualTo("healthy");
        assertThat(browser.script("return document.getElementById('card-endpoints').textContent;")).isEqualTo("2 / 3");

        assertThat(Files.size(browser.screenshot("dashboard.png"))).isGreaterThan(10_000);
    }
}
