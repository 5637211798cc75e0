package org.library.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.library.platform.Settings;

/**
 * Who a request comes from, as the login throttles count clients: the peer's address, or behind
 * reverse proxies the operator trusts ({@code library.http.trusted-proxies}, a comma-separated list
 * of their addresses), the last address in {@code X-Forwarded-For} that is not one of them. An
 * {@code X-Forwarded-For} from anyone else is ignored: a client could write any address in it.
 *
 * <p>An IPv6 client counts as its /64 network: one subscriber is usually given a whole /64, and
 * could otherwise take a fresh address for every try.
 */
final class ClientAddress {

    static final String TRUSTED_PROXIES = "library.http.trusted-proxies";

    private static final Set<String> TRUSTED = Settings.get(TRUSTED_PROXIES)
            .map(list -> Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .map(ClientAddress::canonical).collect(Collectors.toUnmodifiableSet()))
            .orElse(Set.of());

    private ClientAddress() {
    }

    static String of(HttpServletRequest request) {
        return of(request.getRemoteAddr(), request.getHeaders("X-Forwarded-For") == null ? List.of()
                : java.util.Collections.list(request.getHeaders("X-Forwarded-For")), TRUSTED);
    }

    static String of(String peer, List<String> forwardedFor, Set<String> trusted) {
        String client = canonical(peer);
        if (trusted.contains(client)) {
            List<String> hops = forwardedFor.stream().flatMap(h -> Arrays.stream(h.split(","))).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
            for (int i = hops.size() - 1; i >= 0; i--) {
                client = canonical(hops.get(i));
                if (!trusted.contains(client)) {
                    break;
                }
            }
        }
        return network(client);
    }

    /** The address as {@link InetAddress} writes it (IPv6 spelt one way), or the text itself when it is no address. */
    private static String canonical(String address) {
        String text = address.strip();
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        // only literals go to InetAddress, which would otherwise look a name up in the DNS
        if (!(text.matches("[0-9.]{7,15}") || text.matches("[0-9A-Fa-f:.]{2,45}") && text.contains(":"))) {
            return text.length() > 64 ? text.substring(0, 64) : text; // not a literal address: never looked up in DNS
        }
        try {
            return InetAddress.getByName(text).getHostAddress();
        } catch (UnknownHostException e) {
            return text;
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
