package dev.medic.packages.system.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.nio.ByteOrder;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.medic.packages.system.internal.ListeningSockets.Listener;

/** Reading the kernel's socket tables, from lines as Linux on x86 and ARM (little-endian) writes them. */
class ListeningSocketsTest {

    private static final List<String> TCP = List.of(
        "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
        "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 4242 1 0 100 0 0 10 0",
        "   1: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4243 1 0 100 0 0 10 0",
        "   2: 0100007F:1F90 0100007F:D431 01 00000000:00000000 00:00000000 00000000  1000        0 4244 1 0 20 4 30 10 -1");

    private static final List<String> TCP6 = List.of(
        "  sl  local_address                         remote_address                        st tx_queue rx_queue",
        "   0: 0000000000000000FFFF00000100007F:D431 00000000000000000000000000000000:0000 0A 00000000:00000000",
        "   1: 00000000000000000000000001000000:0050 00000000000000000000000000000000:0000 0A 00000000:00000000");

    @Test
    void listeningSocketsAreReadWithTheirAddressAndPort() throws Exception {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "these lines are little-endian");

        assertThat(ListeningSockets.parse(TCP)).containsExactly(
            new Listener(InetAddress.getByName("127.0.0.1"), 8080),
            new Listener(InetAddress.getByName("0.0.0.0"), 22));
    }

    @Test
    void ipv6TablesHoldMappedIpv4AndIpv6Addresses() throws Exception {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "these lines are little-endian");
        assertThat(ListeningSockets.parse(TCP6)).containsExactly(
            new Listener(InetAddress.getByName("127.0.0.1"), 54321),
            new Listener(InetAddress.getByName("::1"), 80));
    }

    @Test
    void aListenerOnAllAddressesAcceptsAnyAddress() throws Exception {
        Listener wildcard = new Listener(InetAddress.getByName("0.0.0.0"), 22);
        Listener loopback = new Listener(InetAddress.getByName("127.0.0.1"), 22);

        assertThat(wildcard.accepts(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(loopback.accepts(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(loopback.accepts(InetAddress.getByName("127.0.0.2"))).isFalse();
    }
}
