package io.hyperx.notification.webhook;

import io.hyperx.kernel.DomainException;
import org.springframework.stereotype.Component;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The SSRF guard: in production mode a webhook goes only to an {@code https} URL whose host resolves to public
 * addresses only (no private, loopback, link-local, shared, multicast, reserved or unspecified address, nor an IPv6
 * form embedding one). Checked when an endpoint is registered and again by the sender's DNS resolver on every
 * connection, so a host that later resolves elsewhere (DNS rebinding) is refused too. Development mode
 * ({@link WebhookSettings#development()}) allows {@code http} and every address.
 */
@Component
class WebhookUrlGuard {

    static final int MAX_URL_LENGTH = 2048;

    private final boolean development;

    WebhookUrlGuard(WebhookSettings settings) {
        this.development = settings.development();
    }

    /** A URL endpoints may be registered with, or a 422 problem saying why not. */
    URI check(String url) {
        URI uri;
        try {
            uri = url == null || url.length() > MAX_URL_LENGTH ? null : new URI(url.trim());
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || !uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw refused("webhook_url_invalid", "The URL must be an absolute http(s) URL with a host, no user info, "
                    + "at most " + MAX_URL_LENGTH + " characters.");
        }
        if (!schemeAllowed(uri)) {
            throw refused("webhook_url_not_https", "Webhook URLs must use https.");
        }
        try {
            resolve(uri.getHost());
        } catch (Refused e) {
            throw refused("webhook_url_forbidden_address", e.getMessage());
        } catch (UnknownHostException e) {
            throw refused("webhook_url_unresolvable", "The host " + uri.getHost() + " does not resolve.");
        }
        return uri;
    }

    boolean schemeAllowed(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("https") || (development && scheme.equals("http"));
    }

    /** The host's addresses, every one of them allowed; {@link Refused} otherwise. */
    InetAddress[] resolve(String host) throws UnknownHostException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = InetAddress.getAllByName(bare);
        if (!development) {
            for (InetAddress address : addresses) {
                if (forbidden(address)) {
                    throw new Refused("The host " + host + " resolves to a non-public address ("
                            + address.getHostAddress() + ").");
                }
            }
        }
        return addresses;
    }

    static boolean forbidden(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0                                      // "this network"
                    || (first == 100 && second >= 64 && second < 128) // shared address space (carrier NAT)
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19))    // benchmarking
                    || first >= 240;                               // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {                           // unique local fc00::/7
                return true;
            }
            if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {  // deprecated site-local fec0::/10
                return true;
            }
            if (isZero(b, 0, 12) || (isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff)
                    || (b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b)) {
                return forbidden(v4(b, 12));                       // IPv4-compatible, -mapped, NAT64
            }
            if (b[0] == 0x20 && b[1] == 0x02) {                    // 6to4
                return forbidden(v4(b, 2));
            }
        }
        return false;
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress v4(byte[] bytes, int from) {
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(bytes, from, from + 4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DomainException refused(String code, String message) {
        return new DomainException(422, code, message);
    }

    /** A host resolving to an address the guard does not allow. */
    static final class Refused extends UnknownHostException {
        Refused(String message) {
            super(message);
        }
    }
}
