package dev.sluice.adapters.http.out;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Stage;
import dev.sluice.application.port.out.HealthProbe;
import dev.sluice.application.port.out.ModelDiscovery;
import dev.sluice.domain.endpoint.ProbeAnswered;
import dev.sluice.domain.model.DiscoveredModel;
import dev.sluice.simulator.BackendKind;
import dev.sluice.simulator.SimulatedBackend;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpCookieStore;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class HttpOutModuleTest {

    private final Injector injector = Guice.createInjector(Stage.PRODUCTION,
            binder -> binder.requireExplicitBindings(),
            new HttpOutModule(HttpOutSettings.defaults("1.2.3")));
    @AutoClose
    private final OutboundClients clients = injector.getInstance(OutboundClients.class);
    private final HttpClient probeClient = injector.getInstance(Key.get(HttpClient.class, ProbeClient.class));

    @Test
    void startsNothing_untilBootstrapStartsTheClients() {
        assertThat(probeClient.isStarted()).isFalse();

        clients.start();

        assertThat(probeClient.isStarted()).isTrue();
    }

    @Test
    void closingTheClientsStopsThem() {
        clients.start();

        clients.close();

        assertThat(probeClient.isStopped()).isTrue();
    }

    @Test
    void probeAndDiscoveryShareTheOneQualifiedClient() {
        assertThat(injector.getInstance(OutboundClients.class).probeClient()).isSameAs(probeClient);
        assertThat(injector.getInstance(HealthProbe.class)).isSameAs(injector.getInstance(HealthProbe.class));
    }

    @Test
    void theProbeClientFollowsNoRedirectsAndKeepsNoCookies() {
        assertThat(probeClient.isFollowRedirects()).isFalse();
        assertThat(probeClient.getHttpCookieStore()).isInstanceOf(HttpCookieStore.Empty.class);
    }

    @Test
    void boundPortsWorkOnceStarted() throws Exception {
        clients.start();
        try (SimulatedBackend ollama = SimulatedBackend.builder(BackendKind.OLLAMA).models("llama3.2:3b").start()) {
            var endpoint = TestEndpoints.forBackend(ollama, "ollama");

            assertThat(injector.getInstance(HealthProbe.class).probe(endpoint).get(10, TimeUnit.SECONDS))
                    .isInstanceOfSatisfying(ProbeAnswered.class, a -> assertThat(a.status()).isEqualTo(200));
            assertThat(injector.getInstance(ModelDiscovery.class).discover(endpoint).get(10, TimeUnit.SECONDS))
                    .extracting(DiscoveredModel::name).containsExactly("llama3.2:3b");
        }
    }
}
