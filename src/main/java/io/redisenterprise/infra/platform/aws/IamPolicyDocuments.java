package io.redisenterprise.infra.platform.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** IAM policy documents built as data and serialised as JSON by Jackson. */
final class IamPolicyDocuments {
    private static final ObjectMapper JSON = new ObjectMapper();

    private IamPolicyDocuments() {
    }

    /** Trust policy letting EC2 instances (the EKS worker nodes) assume a role. */
    static String ec2AssumeRole() {
        return write(document(statement("Allow", "sts:AssumeRole",
                Map.of("Principal", Map.of("Service", "ec2.amazonaws.com")))));
    }

    /**
     * Trust policy for IAM Roles for Service Accounts: only the named Kubernetes service account, through the
     * cluster's OIDC provider, may assume the role.
     */
    static String serviceAccountAssumeRole(String oidcProviderArn, String issuerUrl, String namespace, String serviceAccount) {
        String issuer = issuerUrl.replaceFirst("^https://", "");
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("Principal", Map.of("Federated", oidcProviderArn));
        extra.put("Condition", Map.of("StringEquals", Map.of(
                issuer + ":sub", "system:serviceaccount:" + namespace + ":" + serviceAccount,
                issuer + ":aud", "sts.amazonaws.com")));
        return write(document(statement("Allow", "sts:AssumeRoleWithWebIdentity", extra)));
    }

    /** Lets the EBS CSI driver use a customer-managed KMS key for encrypted volumes. */
    static String kmsForEbs(String keyArn) {
        var use = statement("Allow", List.of("kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*",
                "kms:GenerateDataKey*", "kms:DescribeKey"), Map.of("Resource", keyArn));
        var grant = statement("Allow", List.of("kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"), Map.of(
                "Resource", keyArn,
                "Condition", Map.of("Bool", Map.of("kms:GrantIsForAWSResource", "true"))));
        return write(document(use, grant));
    }

    private static Map<String, Object> statement(String effect, Object action, Map<String, Object> extra) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("Effect", effect);
        s.put("Action", action);
        s.putAll(extra);
        return s;
    }

    @SafeVarargs
    private static Map<String, Object> document(Map<String, Object>... statements) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Version", "2012-10-17");
        doc.put("Statement", List.of(statements));
        return doc;
    }

    private static String write(Object doc) {
        try {
            return JSON.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
