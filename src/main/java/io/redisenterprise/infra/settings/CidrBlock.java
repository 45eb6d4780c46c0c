package io.redisenterprise.infra.settings;

import com.google.common.net.InetAddresses;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * A CIDR block as the Kubernetes API server reads {@code spec.loadBalancerSourceRanges}: an IP address literal, '/',
 * a prefix length of at most 32 (IPv4) or 128 (IPv6). The address is parsed as a literal (Guava's
 * {@link InetAddresses}, which never resolves names), not matched by a pattern, so IPv6 is checked as strictly as
 * IPv4.
 *
 * <p>Beyond what every Kubernetes version refuses, two forms are refused because Kubernetes calls them ambiguous
 * and its strict IP/CIDR validation refuses them (k8s.io/apimachinery pkg/util/validation/ip.go:
 * IsValidCIDRForLegacyField, GetWarningsForCIDR): bits set beyond the prefix ({@code 10.0.0.1/24}: "must not have
 * bits set beyond the prefix length") and IPv4-mapped IPv6 addresses; both get the block that was meant.
 */
final class CidrBlock {
    private CidrBlock() {
    }

    /** What is wrong with the text as a CIDR block, or empty when it is one; {@code grammar} words a malformed one. */
    static Optional<String> problem(String text, String grammar) {
        int slash = text.indexOf('/');
        if (slash <= 0 || slash != text.lastIndexOf('/')) {
            return Optional.of(grammar);
        }
        String address = text.substring(0, slash);
        String prefix = text.substring(slash + 1);
        // A zone index (fe80::1%eth0) is no part of a CIDR; leading zeros in the prefix are ambiguous.
        if (address.contains("%") || !prefix.matches("0|[1-9][0-9]{0,2}") || !InetAddresses.isInetAddress(address)) {
            return Optional.of(grammar);
        }
        InetAddress ip = InetAddresses.forString(address);
        if (address.contains(":") && ip instanceof Inet4Address) {
            return Optional.of("must not be an IPv4-mapped IPv6 address (Kubernetes refuses them): write "
                    + InetAddresses.toAddrString(ip) + "/" + Math.max(0, Integer.parseInt(prefix) - 96) + " instead");
        }
        int bits = ip.getAddress().length * 8;
        int length = Integer.parseInt(prefix);
        if (length > bits) {
            return Optional.of(grammar);
        }
        InetAddress network = network(ip, length);
        if (!network.equals(ip)) {
            String meant = InetAddresses.toAddrString(network) + "/" + length;
            return Optional.of("must be a network address: " + text + " has bits set beyond its /" + length
                    + " prefix, which Kubernetes calls ambiguous and its strict validation refuses (did you mean "
                    + meant + "?)");
        }
        return Optional.empty();
    }

    private static InetAddress network(InetAddress ip, int length) {
        byte[] bytes = ip.getAddress();
        int bits = bytes.length * 8;
        BigInteger mask = length == 0 ? BigInteger.ZERO
                : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftRight(bits - length).shiftLeft(bits - length);
        BigInteger masked = new BigInteger(1, bytes).and(mask);
        byte[] raw = masked.toByteArray();
        byte[] out = new byte[bytes.length];
        int copy = Math.min(raw.length, out.length);
        System.arraycopy(raw, raw.length - copy, out, out.length - copy, copy);
        try {
            return InetAddress.getByAddress(out);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + out.length + " bytes is always valid", e);
        }
    }
}
