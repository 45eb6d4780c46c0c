package io.redisenterprise.infra.settings;

import java.util.regex.Pattern;

/** Kubernetes naming rules (RFC 1123), which every object name and label value here must follow. */
public final class DnsNames {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private DnsNames() {
    }

    public static boolean isLabel(String s) {
        return s != null && s.length() <= 63 && LABEL.matcher(s).matches();
    }

    public static boolean isSubdomain(String s) {
        return s != null && s.length() <= 253 && SUBDOMAIN.matcher(s).matches();
    }
}
