package dev.sluice.benchmarks.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NginxProcessTest {

    @Test
    void shippedConfigIsRewrittenToTheRunsPortsAndStillStreams() throws Exception {
        String config = NginxProcess.config(18088, 11500);

        assertThat(config).contains("listen 127.0.0.1:18088;").contains("server 127.0.0.1:11500;")
                .doesNotContain(":8088;").doesNotContain(":11434;")
                .contains("proxy_buffering off;").contains("proxy_request_buffering off;");
    }
}
