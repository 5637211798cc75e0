package org.library.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Who a request comes from, as the login throttles count clients: the peer's address, or behind
 * reverse proxies the operator trusts ({@code library.http.trusted-proxies}, a comma-separated list
 * of their addresses or networks, e.g. {@code 10.0.0.5, 10.1.0.0/16}), the last address in
 * {@code X-Forwarded-For} that is not one of them. An {@code X-Forwarded-For} from anyone else is
 * ignored: a client could write any address in it.
 *
 * <p>An IPv6 client counts as its /64 network: one subscriber is usually given a whole /64, and
 * could otherwise take a fresh address for every try.
 */
final class ClientAddress {

    static final String TRUSTED_PROXIES = "library.http.trusted-proxies";

    /** The networks a value of {@value #TRUSTED_PROXIES} lists ({@link TrustedProxies} reads it). */
    static List<Network> networks(String setting) {
        return Arrays.stream(setting.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Network::parse).toList();
    }

    /** An address or a network ({@code 10.1.0.0/16}) the operator trusts as a proxy. */
    record Network(byte[] address, int prefix) {

        static Network parse(String text) {
            int slash = text.indexOf('/');
            String address = slash < 0 ? text : text.substring(0, slash);
            byte[] bytes = literal(address);
            if (bytes == null) {
                throw new IllegalArgumentException(TRUSTED_PROXIES + " must list addresses or networks such as 10.1.0.0/16, not " + text);
            }
            int prefix = slash < 0 ? bytes.length * 8 : prefixLength(text.substring(slash + 1).strip());
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException(TRUSTED_PROXIES + ": no such network length in " + text);
            }
            return new Network(bytes, prefix);
        }

        private static int prefixLength(String text) {
            return text.matches("[0-9]{1,3}") ? Integer.parseInt(text) : -1;
        }

        boolean contains(String candidate) {
            byte[] bytes = literal(candidate);
            if (bytes == null || bytes.length != address.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((bytes[bit / 8] & mask) != (address[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private ClientAddress() {
    }

    static String of(HttpServletRequest request, List<Network> trusted) {
        return of(request.getRemoteAddr(), request.getHeaders("X-Forwarded-For") == null ? List.of()
                : java.util.Collections.list(request.getHeaders("X-Forwarded-For")), trusted);
    }

    static String of(String peer, List<String> forwardedFor, List<Network> trusted) {
        String client = canonical(peer);
        if (isTrusted(client, trusted)) {
            List<String> hops = forwardedFor.stream().flatMap(h -> Arrays.stream(h.split(","))).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
            for (int i = hops.size() - 1; i >= 0; i--) {
                client = canonical(hops.get(i));
                if (!isTrusted(client, trusted)) {
                    break;
                }
            }
        }
        return network(client);
    }

    private static boolean isTrusted(String address, List<Network> trusted) {
        return trusted.stream().anyMatch(network -> network.contains(address));
    }

    /** The bytes of a literal IPv4 or IPv6 address, or null when the text is not one (never a DNS lookup). */
    private static byte[] literal(String text) {
        String address = text.strip();
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        if (!(address.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") || address.matches("[0-9A-Fa-f:.]{2,45}") && address.contains(":"))) {
            return null;
        }
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** The address as {@link InetAddress} writes it (IPv6 spelt one way), or the text itself (cut short) when it is no address. */
    private static String canonical(String address) {
        byte[] bytes = literal(address);
        if (bytes == null) {
            return address.length() > 64 ? address.substring(0, 64) : address;
        }
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }

    /** An IPv6 address's /64 network ({@code 2001:db8:1:2::/64}); an IPv4 address itself. */
    private static String network(String address) {
        if (!address.contains(":")) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            Arrays.fill(bytes, 8, 16, (byte) 0);
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
