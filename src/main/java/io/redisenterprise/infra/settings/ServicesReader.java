package io.redisenterprise.infra.settings;

import java.util.List;

/** {@code redis-enterprise:services}: how the admin UI and REST API are exposed. */
final class ServicesReader {
    private ServicesReader() {
    }

    static ServiceSettings read(ReadContext c) {
        ConfigObject o = c.object("services");
        String type = o.stringOrDefault("type");
        List<String> ranges = o.stringList("loadBalancerSourceRanges").orElse(List.of());
        boolean loadBalancer = type.equals(ServiceSettings.LOAD_BALANCER);
        if (loadBalancer && !o.has("loadBalancerSourceRanges")) {
            c.problems().add(o.keyOf("loadBalancerSourceRanges"),
                    "required with services.type LoadBalancer: the CIDRs allowed to reach the admin UI and REST API",
                    Problems.NOTHING);
        }
        if (o.usable("type")) {
            o.refuseUnless(loadBalancer, "loadBalancerSourceRanges", "applies only with services.type LoadBalancer");
            o.refuseUnless(loadBalancer, "internal", "applies only with services.type LoadBalancer");
        }
        if (loadBalancer) {
            // The schema's pattern keeps editors honest; the Kubernetes API parses the address, and so does this.
            String grammar = c.schema().document().at("/definitions/cidr/patternErrorMessage").asText();
            o.usableItems("loadBalancerSourceRanges").forEach((index, range) ->
                    CidrBlock.problem(range, grammar).ifPresent(rule ->
                            c.problems().add(o.keyOf("loadBalancerSourceRanges") + "[" + index + "]", rule,
                                    Problems.quote(range))));
        }
        return new ServiceSettings(type, ranges, o.boolOrDefault("internal"));
    }
}
