package io.redisenterprise.infra.settings;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in a stack's configuration, reported together before anything is registered. */
public final class InvalidConfigException extends RuntimeException {
    private final List<ConfigProblem> problems;

    public InvalidConfigException(List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    /** The problems, one per line, without any stack trace. */
    public List<String> lines() {
        return problems.stream().map(ConfigProblem::toString).toList();
    }
}
