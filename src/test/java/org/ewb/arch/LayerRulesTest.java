package org.ewb.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of STYLE.md, enforced: model &lt;- logic &lt;- persistence / cli / ui, wired together
 * only by the composition root ({@code org.ewb.app}, {@code org.ewb.Launcher}). See ADR 0001.
 */
class LayerRulesTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.ewb");
  }

  @Test
  void layersDependOnlyInward() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("Model")
        .definedBy("org.ewb.model..")
        .layer("Logic")
        .definedBy("org.ewb.logic..")
        .layer("Persistence")
        .definedBy("org.ewb.persistence..")
        .layer("Cli")
        .definedBy("org.ewb.cli..")
        .layer("Ui")
        .definedBy("org.ewb.ui..")
        .layer("App")
        .definedBy("org.ewb.app..")
        .whereLayer("App")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("Ui")
        .mayOnlyBeAccessedByLayers("App")
        .whereLayer("Cli")
        .mayOnlyBeAccessedByLayers("App")
        .whereLayer("Persistence")
        .mayOnlyBeAccessedByLayers("Cli", "App")
        .whereLayer("Logic")
        .mayOnlyBeAccessedByLayers("Persistence", "Cli", "Ui", "App")
        .whereLayer("Model")
        .mayOnlyBeAccessedByLayers("Logic", "Persistence", "Cli", "Ui", "App")
        .check(classes);
  }

  @Test
  void onlyUiTouchesJavaFx() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.ewb.ui..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx..", "org.controlsfx..", "org.jfree.chart.fx..", "org.testfx..")
        .check(classes);
  }

  @Test
  void onlyPersistenceUsesJdbc() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.ewb.persistence..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.sql..", "org.sqlite..")
        .check(classes);
  }

  @Test
  void onlyCliWritesToStandardStreams() {
    noClasses()
        .that()
        .resideOutsideOfPackages("org.ewb.cli..")
        .and()
        .doNotHaveFullyQualifiedName("org.ewb.Launcher")
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .check(classes);
  }

  @Test
  void modelDependsOnNoLibrary() {
    noClasses()
        .that()
        .resideInAPackage("org.ewb.model..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("org.ewb.model..", "java..")
        .check(classes);
  }
}
