package io.redisenterprise.infra.settings;

/** How strictly Redis Enterprise pods are kept on separate VMs. */
public enum AntiAffinity {
    /** One pod per VM or the pod stays Pending: the production rule. */
    REQUIRED("required"),
    /** Best effort, for small development clusters only. */
    PREFERRED("preferred");

    private final String key;

    AntiAffinity(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    @Override
    public String toString() {
        return key;
    }
}
