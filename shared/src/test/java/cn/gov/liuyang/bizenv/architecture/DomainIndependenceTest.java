package cn.gov.liuyang.bizenv.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import cn.gov.liuyang.bizenv.http.HttpApiEvent;
import cn.gov.liuyang.bizenv.http.HttpApiHandler;
import cn.gov.liuyang.bizenv.http.HttpApiResponse;
import cn.gov.liuyang.bizenv.http.JsonBody;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The domain speaks the office's language only: no cloud SDK, no PDF or spreadsheet library, no
 * adapters, no Lambda event types. A use case says what the caller must fix with a {@code
 * common.Refusal}; the edge maps it to a status. No model or use case imports an http type, and no
 * model depends on a use case.
 */
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
          .dependOnClassesThat(
              resideInAnyPackage(
                      "software.amazon..",
                      "com.amazonaws..",
                      "com.lowagie..",
                      "org.openpdf..",
                      "org.apache.poi..",
                      "org.dhatim..",
                      "..infrastructure..",
                      "cn.gov.liuyang.bizenv.aws..")
                  .or(
                      belongToAnyOf(
                          HttpApiEvent.class,
                          HttpApiResponse.class,
                          HttpApiHandler.class,
                          JsonBody.class)));

  @ArchTest
  static final ArchRule modelAndUseCasesImportNoHttp =
      noClasses()
          .that()
          .resideInAnyPackage("..model..", "..application..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..http..");

  @ArchTest
  static final ArchRule modelDependsOnNoUseCase =
      noClasses()
          .that()
          .resideInAPackage("..model..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..application..");
}
