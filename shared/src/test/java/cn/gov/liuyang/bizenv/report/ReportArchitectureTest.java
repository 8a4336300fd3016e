package cn.gov.liuyang.bizenv.report;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReportArchitectureTest {
  // this module's compiled report classes only: scanning the whole classpath takes half a minute
  private static final JavaClasses REPORT =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPath(Path.of("target/classes/cn/gov/liuyang/bizenv/report"));

  @Test
  void domainAndUseCases_importNoSdkNoPdfLibraryNoAdapters() {
    noClasses()
        .that()
        .resideInAnyPackage("..report.model..", "..report.application..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "software.amazon..", "com.amazonaws..", "com.lowagie..", "..report.infrastructure..")
        .check(REPORT);
  }

  @Test
  void theRuleSeesTheDomain() {
    assertThat(REPORT.containPackage("cn.gov.liuyang.bizenv.report.model")).isTrue();
  }

  @Test
  void model_knowsNothingOfHttpOrJson() {
    noClasses()
        .that()
        .resideInAPackage("..report.model..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..bizenv.http..", "com.fasterxml..", "..report.application..")
        .check(REPORT);
  }
}
