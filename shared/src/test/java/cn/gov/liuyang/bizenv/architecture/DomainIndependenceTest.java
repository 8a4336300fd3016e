package cn.gov.liuyang.bizenv.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain speaks the office's language only: no cloud SDK, no PDF or spreadsheet library. */
@AnalyzeClasses(
    packages = "cn.gov.liuyang.bizenv",
    importOptions = ImportOption.DoNotIncludeTests.class)
class DomainIndependenceTest {

  @ArchTest
  static final ArchRule modelAndUseCasesImportNoInfrastructure =
      noClasses()
          .that()
          .resideInAnyPackage("..model..", "..application..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "software.amazon..",
              "com.amazonaws..",
              "com.lowagie..",
              "org.openpdf..",
              "org.apache.poi..",
              "org.dhatim..",
              "..infrastructure..",
              "cn.gov.liuyang.bizenv.http..",
              "cn.gov.liuyang.bizenv.aws..");
}
