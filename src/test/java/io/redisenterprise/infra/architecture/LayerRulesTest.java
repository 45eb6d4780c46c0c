package io.redisenterprise.infra.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The layer rules of docs/architecture.md, enforced on the compiled main classes. */
class LayerRulesTest {
    static final String ROOT = "io.redisenterprise.infra";
    static final List<String> CLOUD_SDKS = List.of("com.pulumi.aws..", "com.pulumi.gcp..", "com.pulumi.azurenative..");
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    @Test
    void redisLayerNeverImportsACloudSdk() {
        noClasses().that().resideInAPackage(ROOT + ".redis..")
                .should().dependOnClassesThat().resideInAnyPackage(CLOUD_SDKS.toArray(String[]::new))
                .check(classes);
    }

    @Test
    void settingsArePlainDataWithoutPulumi() {
        noClasses().that().resideInAPackage(ROOT + ".settings..")
                .should().dependOnClassesThat().resideInAPackage("com.pulumi..")
                .check(classes);
    }

    @Test
    void placementIsPlainDataWithoutPulumi() {
        noClasses().that().resideInAPackage(ROOT + ".placement..")
                .should().dependOnClassesThat().resideInAPackage("com.pulumi..")
                .check(classes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws", "gcp", "azure", "kubernetes"})
    void aCloudFolderBuildsNoRedisWorkloadAndKnowsNoOtherCloud(String cloud) {
        String own = ROOT + ".platform." + cloud + "..";
        String[] otherClouds = List.of("aws", "gcp", "azure", "kubernetes").stream().filter(c -> !c.equals(cloud))
                .map(c -> ROOT + ".platform." + c + "..").toArray(String[]::new);
        noClasses().that().resideInAPackage(own)
                .should().dependOnClassesThat().resideInAnyPackage(otherClouds)
                .check(classes);
        noClasses().that().resideInAPackage(own)
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".redis..")
                .check(classes);
        String ownSdk = switch (cloud) {
            case "aws" -> "com.pulumi.aws..";
            case "gcp" -> "com.pulumi.gcp..";
            case "azure" -> "com.pulumi.azurenative..";
            default -> "";
        };
        noClasses().that().resideInAPackage(own)
                .should().dependOnClassesThat().resideInAnyPackage(CLOUD_SDKS.stream().filter(s -> !s.equals(ownSdk))
                        .toArray(String[]::new))
                .check(classes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws", "gcp", "azure", "kubernetes"})
    void platformsAreFoundAtRunTimeNotReferenced(String cloud) {
        // The registry discovers platforms with ServiceLoader, so a slim build can leave a cloud out entirely.
        noClasses().that().resideOutsideOfPackage(ROOT + ".platform." + cloud + "..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".platform." + cloud + "..")
                .check(classes);
    }

    @Test
    void cloudSdksStayInsideTheirPlatform() {
        noClasses().that().resideOutsideOfPackages(ROOT + ".platform.aws..")
                .should().dependOnClassesThat().resideInAPackage("com.pulumi.aws..").check(classes);
        noClasses().that().resideOutsideOfPackages(ROOT + ".platform.gcp..")
                .should().dependOnClassesThat().resideInAPackage("com.pulumi.gcp..").check(classes);
        noClasses().that().resideOutsideOfPackages(ROOT + ".platform.azure..")
                .should().dependOnClassesThat().resideInAPackage("com.pulumi.azurenative..").check(classes);
    }
}
