package org.library.web.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 over a plain socket, one request per connection, sending exactly the bytes it is given:
 * a request target with invalid percent-encoding, a header no client library would let through, a
 * body that contradicts its Content-Type. (java.net.http and rest-assured check and normalise what
 * they send, which is what a hostile client does not do.)
 */
final class RawHttp {

    /** An answer: status, headers (names in lower case, the last of repeated ones) and the body. */
    record Answer(int status, Map<String, String> headers, byte[] body) {

        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String host;
    private final int port;

    RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * Sends one request and reads its answer. {@code target} is sent as it is (ASCII; encode
     * anything else); header values go out as UTF-8 bytes; a body gets a Content-Length unless the
     * headers carry one.
     */
    Answer send(String method, String target, List<String[]> headers, byte[] body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 10_000);
            socket.setSoTimeout(60_000);
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.writeBytes((method + " " + target + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            boolean length = false;
            for (String[] header : headers) {
                head.writeBytes((header[0] + ": ").getBytes(StandardCharsets.ISO_8859_1));
                head.writeBytes(header[1].getBytes(StandardCharsets.UTF_8));
                head.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                length |= header[0].equalsIgnoreCase("Content-Length");
            }
            if (body != null && !length) {
                head.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            head.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            OutputStream out = socket.getOutputStream();
            out.write(head.toByteArray());
            try {
                if (body != null) {
                    out.write(body);
                }
                out.flush();
            } catch (IOException answeredBeforeTheBodyWasRead) {
                // the server may answer (413) and stop reading before the body is all sent: read that answer
            }
            return read(socket.getInputStream(), method.equals("HEAD"));
        }
    }

    /**
     * Sends one request whose body is sent as {@code body} gives it, each read written at once: a
     * body that stalls midway keeps the request running on the server. The headers name its
     * Content-Length.
     */
    Answer sendStreamed(String method, String target, List<String[]> headers, InputStream body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 10_000);
            socket.setSoTimeout(60_000);
            StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n");
            for (String[] header : headers) {
                head.append(header[0]).append(": ").append(header[1]).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            byte[] buffer = new byte[8192];
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
            }
            return read(socket.getInputStream(), false);
        }
    }

    private static Answer read(InputStream in, boolean head) throws IOException {
        String statusLine = line(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        byte[] body;
        if (head || status == 204 || status == 304 || status / 100 == 1) {
            body = new byte[0];
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            for (int size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
                chunks.writeBytes(in.readNBytes(size));
                line(in);
            }
            body = chunks.toByteArray();
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else {
            body = in.readAllBytes();
        }
        return new Answer(status, headers, body);
    }

    private static int chunkSize(String line) {
        int extension = line.indexOf(';');
        return Integer.parseInt((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                if (line.size() == 0) {
                    throw new IOException("the connection ended before a complete answer");
                }
                break;
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
