package dev.sluice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.simulator.BackendKind;
import dev.sluice.simulator.SimulatedBackend;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard at the scale the issue names: 50 endpoints (three real, the rest unreachable addresses that show
 * as offline) and 500 models. The page must render them all and stay a bounded, scrollable page, with filters
 * that narrow both tables. Leaves {@code target/screenshots/dashboard-50-endpoints-500-models.png}.
 */
@Timeout(180)
class DashboardScaleBrowserTest {

    private static final String[] FAMILIES = {"llama3.1", "qwen2.5", "mistral", "gemma2", "phi3", "deepseek-r1"};
    private static final String[] SIZES = {"1b", "3b", "7b", "8b", "14b", "32b", "70b"};

    @Test
    void fiftyEndpointsAndFiveHundredModels_stayReadable(@TempDir Path dir) throws Exception {
        HeadlessChromium.assumeInstalled();
        List<SimulatedBackend> backends = new ArrayList<>();
        List<String> endpoints = new ArrayList<>();
        try {
            for (int b = 0; b < 3; b++) {
                List<String> names = new ArrayList<>();
                for (int m = b; m < 500; m += 3) {
                    names.add(FAMILIES[m % FAMILIES.length] + ":" + SIZES[m % SIZES.length] + "-v" + m);
                }
                SimulatedBackend backend = SimulatedBackend.builder(BackendKind.OLLAMA).name("rack-" + b)
                        .models(names.toArray(String[]::new)).start();
                backends.add(backend);
                endpoints.add(RunningProxy.endpoint("rack-" + b, backend.baseUri(), "ollama"));
            }
            // Nothing listens on these: they are checked, found offline, and listed as such.
            for (int e = 3; e < 50; e++) {
                endpoints.add("      - url: \"" + URI.create("http://127.0.0.1:" + (9 + e)) + "\"\n"
                        + "        name: \"" + String.format("node-%02d", e) + "\"\n"
                        + "        type: \"ollama\"\n        check_interval: 5s\n        check_timeout: 1s\n");
            }
            try (RunningProxy proxy = RunningProxy.start(dir, RunningProxy.config("", endpoints.toArray(String[]::new)));
                 HeadlessChromium browser = new HeadlessChromium(dir, 1400, 1100)) {
                browser.driver.get("http://localhost:" + proxy.app.port() + "/internal/ui/");
                browser.waitUpTo(30).until(d -> browser.count("#endpoints tbody tr") == 50);
                browser.waitUpTo(30).until(d -> browser.count("#models tbody tr") == 500);
                // Long tables scroll inside their panels: the page itself stays about a screen and a half tall.
                long pageHeight = (Long) browser.script("return document.documentElement.scrollHeight;");
                assertThat(pageHeight).isLessThan(1800);
                assertThat(browser.script("return document.getElementById('endpoint-count').textContent;"))
                        .isEqualTo("50 of 50");
                browser.driver.findElement(org.openqa.selenium.By.id("model-filter")).sendKeys("qwen2.5:7b");
                browser.waitUpTo(10).until(d -> browser.count("#models tbody tr") < 500
                        && browser.count("#models tbody tr") > 0);
                browser.script("var f = document.getElementById('model-filter'); f.value = '';"
                        + " f.dispatchEvent(new Event('input'));");
                browser.waitUpTo(10).until(d -> browser.count("#models tbody tr") == 500);
                assertThat(Files.size(browser.screenshot("dashboard-50-endpoints-500-models.png"))).isGreaterThan(10_000);
            }
        } finally {
            backends.forEach(SimulatedBackend::close);
        }
    }
}
