package cn.gov.liuyang.bizenv.complaint;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The complaint domain and use cases know nothing of AWS; adapters live in infrastructure and map
 * items only (the wiring in {@code ComplaintConfiguration} builds the deadlines they are not
 * given).
 */
class ComplaintArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("cn.gov.liuyang.bizenv.complaint");

  @Test
  void modelAndApplicationDoNotTouchTheAwsSdk() {
    noClasses()
        .that()
        .resideInAnyPackage("..complaint.model..", "..complaint.application..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("software.amazon..", "com.amazonaws..")
        .check(CLASSES);
  }

  @Test
  void modelAndApplicationDoNotDependOnInfrastructure() {
    noClasses()
        .that()
        .resideInAnyPackage("..complaint.model..", "..complaint.application..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..complaint.infrastructure..")
        .check(CLASSES);
  }

  @Test
  void theModelDoesNotDependOnUseCases() {
    noClasses()
        .that()
        .resideInAPackage("..complaint.model..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..complaint.application..")
        .check(CLASSES);
  }

  @Test
  void adaptersMapItemsAndLeaveDeadlinesToTheDomain() {
    noClasses()
        .that()
        .resideInAPackage("..complaint.infrastructure..")
        .and()
        .doNotHaveSimpleName("ComplaintConfiguration")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("cn.gov.liuyang.bizenv.complaint.model.Deadlines")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("cn.gov.liuyang.bizenv.complaint.model.WorkingDays")
        .because("deadlines are resolved in the use cases; adapters map items, nothing more")
        .check(CLASSES);
  }
}
