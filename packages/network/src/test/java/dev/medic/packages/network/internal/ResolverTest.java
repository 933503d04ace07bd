package dev.medic.packages.network.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class ResolverTest {

    @Test
    void addressLiteralsAreParsedWithoutALookup() throws Exception {
        assertThat(Resolver.isAddressLiteral("127.0.0.1")).isTrue();
        assertThat(Resolver.isAddressLiteral("::1")).isTrue();
        assertThat(Resolver.resolve("127.0.0.1", Duration.ofSeconds(1))).extracting(InetAddress::getHostAddress)
            .containsExactly("127.0.0.1");
    }

    @Test
    void namesAndNearMissesGoToTheResolver() {
        assertThat(Resolver.isAddressLiteral("localhost")).isFalse();
        assertThat(Resolver.isAddressLiteral("256.0.0.1")).as("not an address: a name the resolver may know").isFalse();
        assertThat(Resolver.isAddressLiteral("10.0.0")).isFalse();
        assertThat(Resolver.isAddressLiteral("1.2.3.4.example.org")).isFalse();
    }
}
