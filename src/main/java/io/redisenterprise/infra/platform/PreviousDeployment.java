package io.redisenterprise.infra.platform;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.StackReference;
import com.pulumi.resources.StackReferenceArgs;

/**
 * The stack's own outputs from its last deployment: what a {@code preview} or {@code up} compares the new program with
 * to warn about (or refuse) a change Kubernetes or the cloud would carry out silently. Pulumi hands a program no
 * previous state; a stack reference to the stack itself, {@code <organization>/<project>/<stack>}, reads its last
 * outputs (suggested in https://github.com/pulumi/pulumi/issues/3722). A reference is a read: it changes nothing, and
 * is resolved in {@code preview} too. A stack never deployed, or deployed by a version of this program that did not
 * export an output, has no value for it; a self-managed backend needs the project-scoped layout of Pulumi 3.61+
 * ({@code pulumi state upgrade}). Not run against a backend here: the tests answer the reference under the mock
 * engine, and the offline plan has no previous deployment.
 *
 * <p>One reference per program, Pulumi name {@value #RESOURCE_NAME} (the name the first reader, the storage class
 * warning, registered: keeping it keeps existing stacks' state as it is).
 */
public final class PreviousDeployment {
    static final String RESOURCE_NAME = "previous-deployment";

    private final StackReference reference;

    private PreviousDeployment(StackReference reference) {
        this.reference = reference;
    }

    /** Registers the reference to this stack. */
    public static PreviousDeployment of(Context ctx) {
        return new PreviousDeployment(new StackReference(RESOURCE_NAME, StackReferenceArgs.builder()
                .name(ctx.organizationName() + "/" + ctx.projectName() + "/" + ctx.stackName()).build()));
    }

    /**
     * The value a stack output had after the last deployment, as Pulumi serialises outputs (maps, lists, strings,
     * booleans, numbers as doubles), or {@code null} when there was none.
     */
    public Output<Object> output(String name) {
        return reference.output(name).applyValue(value -> (Object) value);
    }
}
