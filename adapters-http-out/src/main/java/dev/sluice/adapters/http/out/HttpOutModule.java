package dev.sluice.adapters.http.out;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.sluice.application.port.out.HealthProbe;
import dev.sluice.application.port.out.ModelDiscovery;
import dev.sluice.application.port.out.RequestSigner;
import java.time.InstantSource;
import java.util.Objects;
import org.eclipse.jetty.client.HttpClient;

/**
 * The outbound HTTP adapter: binds {@link HealthProbe} and {@link ModelDiscovery} to Jetty implementations
 * sharing one {@link ProbeClient @ProbeClient} {@link HttpClient}, {@link RequestSigner} to the AWS SDK's SigV4
 * signer (for the proxy's requests to Bedrock), and exposes {@link OutboundClients}, the owner of that client.
 *
 * <p>Starts nothing. Bootstrap must obtain {@link OutboundClients} from the injector, call
 * {@link OutboundClients#start()} before the first probe or discovery, and {@link OutboundClients#close()} at
 * shutdown.
 */
public final class HttpOutModule extends AbstractModule {

    private final HttpOutSettings settings;

    public HttpOutModule(HttpOutSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Provides
    @Singleton
    OutboundClients outboundClients() {
        return new OutboundClients(settings);
    }

    @Provides
    @Singleton
    @ProbeClient
    HttpClient probeClient(OutboundClients clients) {
        return clients.probeClient();
    }

    @Provides
    @Singleton
    HealthProbe healthProbe(@ProbeClient HttpClient client) {
        // The system clock only dates a Retry-After header; tests that care build the probe with their own.
        return new JettyHealthProbe(client, InstantSource.system(), settings.version());
    }

    @Provides
    @Singleton
    RequestSigner requestSigner() {
        return new AwsRequestSigner(java.time.Clock.systemUTC());
    }

    @Provides
    @Singleton
    ModelDiscovery modelDiscovery(@ProbeClient HttpClient client) {
        return new JettyModelDiscovery(client, ModelListParsers.standard(), settings);
    }
}
