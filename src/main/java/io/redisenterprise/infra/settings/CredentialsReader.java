package io.redisenterprise.infra.settings;

import java.util.Optional;

/**
 * {@code redis-enterprise:adminUsername}, {@code adminPassword} and {@code license}. That the password and licence
 * are secrets is the schema's rule; what needs their plaintext (the password's length) and what differs between
 * the plan and {@code pulumi up} (a password not set yet) is checked here.
 */
final class CredentialsReader {
    static final String SET_PASSWORD = "pulumi config set --secret redis-enterprise:adminPassword <password>";
    /** Redis Enterprise refuses shorter administrator passwords at cluster creation. */
    static final int MIN_PASSWORD_LENGTH = 8;

    private CredentialsReader() {
    }

    static CredentialSettings read(ReadContext c) {
        String ns = SettingsLoader.NAMESPACE;
        String username = c.scalar(ns + ":adminUsername").orElseGet(() ->
                c.schema().defaultOf(ns + ":adminUsername", null).orElseThrow().asText());
        SecretText password = new SecretText(SecretText.MASK);
        Optional<ConfigValue> given = c.source().get(ns + ":adminPassword");
        if (given.isEmpty() || given.get().raw() == null || String.valueOf(given.get().raw()).isEmpty()) {
            if (c.planning()) {
                c.warnings().add(ns + ":adminPassword: not set; planned with a placeholder. Before pulumi up: " + SET_PASSWORD);
            } else {
                c.problems().add("adminPassword", "required, as a secret: " + SET_PASSWORD, Problems.NOTHING);
            }
        } else if (given.get().secret()) {
            password = new SecretText(String.valueOf(given.get().raw()));
            if (password.reveal().length() < MIN_PASSWORD_LENGTH && !password.reveal().equals(SecretText.MASK)) {
                c.problems().add("adminPassword", "must be at least " + MIN_PASSWORD_LENGTH + " characters", password.toString());
            }
        }
        Optional<SecretText> license = c.source().get(ns + ":license")
                .filter(v -> v.raw() != null && v.secret())
                .map(v -> new SecretText(String.valueOf(v.raw())));
        return new CredentialSettings(username, password, license);
    }
}
