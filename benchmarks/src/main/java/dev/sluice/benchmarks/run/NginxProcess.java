package dev.sluice.benchmarks.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * nginx as a plain streaming reverse proxy ({@code nginx/nginx.conf} of this module, shipped in the jar), started in
 * the foreground under a scratch prefix with its listen port and upstream rewritten. Its CPU and memory are the
 * master's plus its workers'.
 */
final class NginxProcess {

    private NginxProcess() {
    }

    static String config(int port, int mockPort) throws IOException {
        String template;
        try (InputStream in = NginxProcess.class.getResourceAsStream("/nginx.conf")) {
            if (in == null) {
                throw new IOException("nginx.conf is missing from the benchmarks jar");
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return template.replaceAll("server 127\\.0\\.0\\.1:\\d+;( +# bench:upstream)", "server 127.0.0.1:" + mockPort + ";$1")
                .replaceAll("listen 127\\.0\\.0\\.1:\\d+;( +# bench:listen)", "listen 127.0.0.1:" + port + ";$1");
    }

    static ChildProcess start(String binary, int port, int mockPort, Path scratch, List<String> pinning)
            throws IOException {
        Path prefix = Files.createDirectories(scratch.resolve("nginx"));
        Files.createDirectories(prefix.resolve("tmp"));
        Files.writeString(prefix.resolve("nginx.conf"), config(port, mockPort));
        List<String> command = new ArrayList<>(pinning);
        command.addAll(List.of(binary, "-p", prefix + "/", "-c", "nginx.conf", "-g", "daemon off;"));
        return ChildProcess.start("nginx", command, scratch.resolve("nginx.log"));
    }

    /** The master and its workers. */
    static List<Long> pids(long master) {
        List<Long> pids = new ArrayList<>();
        pids.add(master);
        ProcessHandle.of(master).ifPresent(p -> p.children().forEach(child -> pids.add(child.pid())));
        return pids;
    }
}
