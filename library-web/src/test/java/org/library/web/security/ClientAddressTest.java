package org.library.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private static final List<ClientAddress.Network> PROXIES = List.of(
            ClientAddress.Network.parse("10.0.0.5"), ClientAddress.Network.parse("192.168.0.0/16"),
            ClientAddress.Network.parse("fd00::/8"));

    @Test
    void aClientThatIsNoTrustedProxyIsItselfWhateverItForwards() {
        assertThat(ClientAddress.of("203.0.113.9", List.of("198.51.100.1"), PROXIES)).isEqualTo("203.0.113.9");
        assertThat(ClientAddress.of("203.0.113.9", List.of(), List.of())).isEqualTo("203.0.113.9");
    }

    @Test
    void behindTrustedProxiesTheClientIsTheLastForwardedAddressThatIsNoProxy() {
        assertThat(ClientAddress.of("10.0.0.5", List.of("198.51.100.1"), PROXIES)).isEqualTo("198.51.100.1");
        // a client's own X-Forwarded-For comes first: the proxies' hops after it are the ones to believe
        assertThat(ClientAddress.of("10.0.0.5", List.of("6.6.6.6, 198.51.100.1, 192.168.4.4"), PROXIES)).isEqualTo("198.51.100.1");
        assertThat(ClientAddress.of("192.168.7.1", List.of("198.51.100.1", "192.168.3.3"), PROXIES)).isEqualTo("198.51.100.1");
        assertThat(ClientAddress.of("10.0.0.6", List.of("198.51.100.1"), PROXIES)).as("not a listed proxy").isEqualTo("10.0.0.6");
    }

    @Test
    void anIpv6ClientCountsAsItsSlash64() {
        assertThat(ClientAddress.of("2001:db8:1:2:aaaa:bbbb:cccc:dddd", List.of(), PROXIES)).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(ClientAddress.of("2001:db8:1:2::9", List.of(), PROXIES))
                .isEqualTo(ClientAddress.of("2001:db8:1:2:ffff::1", List.of(), PROXIES));
        assertThat(ClientAddress.of("fd12::1", List.of("2001:db8::7"), PROXIES)).isEqualTo("2001:db8:0:0:0:0:0:0/64");
    }

    @Test
    void aForwardedNameOrGarbageIsNeverLookedUpAndKeptShort() {
        assertThat(ClientAddress.of("10.0.0.5", List.of("cafe"), PROXIES)).isEqualTo("cafe");
        assertThat(ClientAddress.of("10.0.0.5", List.of("x".repeat(500)), PROXIES)).hasSize(64);
    }

    @Test
    void aTrustedProxyThatIsNoAddressIsRefusedAtStart() {
        assertThatThrownBy(() -> ClientAddress.Network.parse("proxy.example.org")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientAddress.Network.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSettingListsAddressesAndNetworksSeparatedByCommasAndRefusesOthersNamingItself() {
        assertThat(ClientAddress.networks(" 10.0.0.5, ,192.168.0.0/16 ,fd00::/8")).hasSize(3)
                .allSatisfy(network -> assertThat(network.contains("fd00::1") || network.contains("192.168.200.1")
                        || network.contains("10.0.0.5")).isTrue());
        assertThat(ClientAddress.networks(" , ")).isEmpty();
        for (String wrong : new String[] {"10.0.0.5, proxy.example.org", "10.0.0.0/x", "10.0.0.0/", "::/129"}) {
            assertThatThrownBy(() -> ClientAddress.networks(wrong)).as(wrong).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("library.http.trusted-proxies");
        }
    }
}
