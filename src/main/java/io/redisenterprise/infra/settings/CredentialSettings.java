package io.redisenterprise.infra.settings;

import java.util.Optional;

/**
 * The Redis Enterprise cluster administrator and licence, from Pulumi config; the password and licence are
 * Pulumi secrets and never printed.
 */
public record CredentialSettings(String adminUsername, SecretText adminPassword, Optional<SecretText> license) {
}
