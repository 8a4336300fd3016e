package cn.gov.liuyang.bizenv.spending.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class SpendingArchitectureTest {
  private static final JavaClasses SPENDING =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("cn.gov.liuyang.bizenv.spending");

  @Test
  void modelAndUseCases_knowNothingOfAwsOrSpreadsheetFormats() {
    noClasses()
        .that()
        .resideInAnyPackage("..spending.model..", "..spending.application..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "software.amazon..",
            "com.amazonaws..",
            "org.dhatim..",
            "org.apache.commons.csv..",
            "com.fasterxml.aalto..",
            "javax.xml.stream..",
            "java.util.zip..",
            "org.apache.poi..")
        .check(SPENDING);
  }

  @Test
  void modelDoesNotDependOnUseCasesOrAdapters() {
    noClasses()
        .that()
        .resideInAPackage("..spending.model..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..spending.application..", "..spending.infrastructure..")
        .check(SPENDING);
  }
}
