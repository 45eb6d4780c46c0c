package io.redisenterprise.infra.plan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Whether the plan's output folder can take {@code manifests.yaml} and {@code plan.json}, checked before the
 * program runs so that a bad {@code --out} costs nothing and says why in one line.
 */
final class OutputFolder {

    private OutputFolder() {
    }

    /**
     * Why {@code dir} cannot take the plan (exists and is not a folder; is not writable; cannot be created
     * because its nearest existing parent is not a folder or not writable), or empty when it can.
     */
    static Optional<String> problem(Path dir) {
        return problem(dir, Files::isWritable);
    }

    /** As {@link #problem(Path)}, with the writability test given (root may write anywhere, tests may not). */
    static Optional<String> problem(Path dir, Predicate<Path> writable) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs)) {
            if (!Files.isDirectory(abs)) {
                return Optional.of("exists and is not a folder");
            }
            return writable.test(abs) ? Optional.empty() : Optional.of("is not writable");
        }
        Path parent = abs.getParent();
        while (parent != null && !Files.exists(parent)) {
            parent = parent.getParent();
        }
        if (parent == null) {
            return Optional.of("cannot be created (no existing parent folder)");
        }
        if (!Files.isDirectory(parent)) {
            return Optional.of("cannot be created (" + parent + " is not a folder)");
        }
        if (!writable.test(parent)) {
            return Optional.of("cannot be created (" + parent + " is not writable)");
        }
        return Optional.empty();
    }
}
