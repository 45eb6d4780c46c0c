package io.redisenterprise.infra.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The plan's output folder: whether it can take {@code manifests.yaml} and {@code plan.json} (checked before the
 * program runs, so that a bad {@code --out} costs nothing and says why in one line), and the removal of an earlier
 * plan's two files when this run writes none.
 */
final class OutputFolder {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Tries to create an entry in an existing folder and removes it again; throws what the file system said. */
    @FunctionalInterface
    interface Probe {
        void tryCreate(Path folder, boolean directory) throws IOException;
    }

    /**
     * The real file system, asked by doing: a temporary file in the output folder when it exists (the plan writes
     * files there), a temporary folder in its nearest existing parent when it does not (the plan creates folders
     * there), each removed at once, so nothing is left. Asking is the only reliable test: {@code access(2)}, behind
     * {@link Files#isWritable}, says yes to root everywhere, and a virtual file system such as {@code /proc} is
     * "writable" to root yet refuses every new folder ({@code ENOENT}).
     */
    static final Probe FILE_SYSTEM = (folder, directory) -> Files.delete(directory
            ? Files.createTempDirectory(folder, ".plan-probe-")
            : Files.createTempFile(folder, ".plan-probe-", ".tmp"));

    private OutputFolder() {
    }

    /**
     * Why {@code dir} cannot take the plan, in words, or empty when it can: exists and is not a folder; is not
     * writable (or refuses new files); cannot be created because its nearest existing parent is not a folder, is not
     * writable or refuses new folders.
     */
    static Optional<String> problem(Path dir) {
        return problem(dir, FILE_SYSTEM);
    }

    /** As {@link #problem(Path)}, with the file system's answer given (tests stand in for what root cannot see). */
    static Optional<String> problem(Path dir, Probe probe) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs)) {
            if (!Files.isDirectory(abs)) {
                return Optional.of("exists and is not a folder");
            }
            try {
                probe.tryCreate(abs, false);
                return Optional.empty();
            } catch (AccessDeniedException e) {
                return Optional.of("is not writable");
            } catch (NoSuchFileException e) {
                return Optional.of("does not accept new files (a virtual file system?)");
            } catch (IOException e) {
                return Optional.of("is not writable (" + reason(e) + ")");
            }
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
        try {
            probe.tryCreate(parent, true);
            return Optional.empty();
        } catch (AccessDeniedException e) {
            return Optional.of("cannot be created (" + parent + " is not writable)");
        } catch (NoSuchFileException e) {
            // What mkdir(2) answers in /proc or /sys: the parent exists, but the file system makes no folders there.
            return Optional.of("cannot be created (" + parent + " does not accept new folders)");
        } catch (IOException e) {
            return Optional.of("cannot be created in " + parent + " (" + reason(e) + ")");
        }
    }

    /**
     * An I/O failure in words: the operating system's own ({@code No space left on device}, {@code Read-only file
     * system}), never an exception class name.
     */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        String why = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        if (why == null || why.isBlank()) {
            return "an I/O error";
        }
        return why.substring(0, 1).toLowerCase(Locale.ROOT) + why.substring(1);
    }

    /**
     * Removes an earlier plan from {@code dir}, so that a run that writes nothing leaves nothing that could be taken
     * for its output: {@code plan.json} and {@code manifests.yaml}, and only when {@code plan.json} is a plan this
     * command wrote (a JSON object with {@code stack}, {@code project} and {@code resources}); a folder holding
     * someone else's files of those names is left alone, and nothing else is ever touched. Returns the files removed.
     */
    static List<Path> removeEarlierPlan(Path dir) throws IOException {
        Path planJson = dir.resolve(PlanDocuments.PLAN_JSON);
        if (!isOurPlanJson(planJson)) {
            return List.of();
        }
        return removePlanFiles(dir);
    }

    /** Removes this command's two files from {@code dir} (regular files only); returns those removed. */
    static List<Path> removePlanFiles(Path dir) throws IOException {
        List<Path> removed = new ArrayList<>();
        for (String name : List.of(PlanDocuments.MANIFESTS, PlanDocuments.PLAN_JSON)) {
            Path file = dir.resolve(name);
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(file);
                removed.add(file);
            }
        }
        return removed;
    }

    private static boolean isOurPlanJson(Path file) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try {
            JsonNode doc = JSON.readTree(file.toFile());
            return doc != null && doc.isObject() && doc.path("stack").isTextual() && doc.path("project").isTextual()
                    && doc.path("resources").isArray();
        } catch (IOException e) {
            return false;
        }
    }
}
