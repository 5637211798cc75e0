package org.library.operations.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Payara Micro process serving {@code library.war}, started the way an operator starts a cluster
 * member (docs/operations.md, "Scale-out"): its own HTTP port, a member of the data grid {@code clusterName}
 * bound to the loopback interface, joining the members listed in {@code clusterMode}. Its output goes
 * to {@code <dir>/server.log}, which stays in {@code target/} for a failed run.
 */
final class PayaraMicroInstance {

    private static final Pattern MEMBERS = Pattern.compile("DG Size: (\\d+)");

    final String name;
    final int httpPort;
    final int gridPort;
    final Path dir;
    final Path log;
    private Process process;

    PayaraMicroInstance(String name, Path itDir) {
        this.name = name;
        this.httpPort = freePort();
        this.gridPort = freePort();
        this.dir = itDir.resolve(name);
        this.log = dir.resolve("server.log");
    }

    /** {@code http://127.0.0.1:port/library} */
    String base() {
        return "http://127.0.0.1:" + httpPort + "/library";
    }

    void start(String clusterName, String gridMembers, List<String> jvmOptions) throws IOException {
        Files.createDirectories(dir.resolve("tmp"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-Djava.io.tmpdir=" + dir.resolve("tmp"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", System.getProperty("payara.microJar"),
                "--deploy", System.getProperty("library.war"),
                "--contextroot", "library",
                "--port", String.valueOf(httpPort),
                "--name", name,
                "--clusterName", clusterName,
                // the data grid on the loopback interface only, members found over TCP (no multicast)
                "--interfaces", "127.0.0.1",
                "--hzPublicAddress", "127.0.0.1",
                "--startPort", String.valueOf(gridPort),
                "--clusterMode", "tcpip:" + gridMembers,
                "--rootDir", dir.resolve("root").toString()));
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /** Waits until the application answers a catalogue read with 200. */
    void awaitReady(Duration timeout, HttpClient http) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest probe = HttpRequest.newBuilder(URI.create(base() + "/api/books?size=1")).timeout(Duration.ofSeconds(10)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException(name + " did not answer within " + timeout + ":\n" + logTail());
    }

    /** Waits until this member's data grid reports {@code size} members (Payara logs the grid's state at each change). */
    void awaitGridMembers(int size, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (lastGridSize() == size) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + "'s data grid did not reach " + size + " members within " + timeout
                + " (last seen: " + lastGridSize() + "):\n" + logTail());
    }

    private int lastGridSize() {
        Matcher m = MEMBERS.matcher(logText());
        int size = -1;
        while (m.find()) {
            size = Integer.parseInt(m.group(1));
        }
        return size;
    }

    /** The loss of an instance: the process is killed (SIGKILL), no orderly shutdown of anything. */
    /** The process id: the first part of the instance's name for the JVM ({@code pid@host}), which the application records. */
    long pid() {
        return process.pid();
    }

    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(Duration.ofSeconds(30).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }

    private String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String logTail() {
        String text = logText();
        return text.substring(Math.max(0, text.length() - 4000));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
