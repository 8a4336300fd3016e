package cn.gov.liuyang.bizenv.local.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.liuyang.bizenv.local.cloud.SdkCallRecorder.Call;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IamPolicyCheckTest {
  @TempDir Path dir;

  private SamTemplate template(String policies, String metadata) throws IOException {
    Path file = dir.resolve("template.yaml");
    Files.writeString(
        file,
        """
        Resources:
          CasesTable:
            Type: AWS::DynamoDB::Table
            Properties: {}
          UploadsBucket:
            Type: AWS::S3::Bucket
          Fn:
            Type: AWS::Serverless::Function
            Metadata:
        %s
            Properties:
              CodeUri: functions/fn
              Handler: a.B::handleRequest
              Policies:
        %s
        """
            .formatted(metadata.indent(6), policies.indent(8)));
    return SamTemplate.load(file);
  }

  private static final String POLICIES =
      """
      - Statement:
          - Effect: Allow
            Action: [dynamodb:GetItem, dynamodb:Query]
            Resource:
              - CasesTable.Arn
              - "${CasesTable.Arn}/index/gsi1"
          - Effect: Allow
            Action: s3:PutObject
            Resource: "${UploadsBucket.Arn}/spending/*"
      """;

  private static final List<Call> ALL_USED =
      List.of(
          new Call("Fn", "dynamodb:GetItem", "table/CasesTable"),
          new Call("Fn", "dynamodb:Query", "table/CasesTable"),
          new Call("Fn", "dynamodb:GetItem", "table/CasesTable/index/gsi1"),
          new Call("Fn", "dynamodb:Query", "table/CasesTable/index/gsi1"),
          new Call("Fn", "s3:PutObject", "bucket/uploads-bucket/spending/2026/a.xlsx"));

  @Test
  void callsTheStatementsCover_andGrantsAllUsed_fitTheTemplate() throws IOException {
    var result =
        IamPolicyCheck.check(template(POLICIES, "BuildMethod: makefile"), ALL_USED, Set.of("Fn"));

    assertThat(result.problems()).isEmpty();
  }

  @Test
  void aCallNoStatementCovers_isNamedWithItsFunctionActionAndResource() throws IOException {
    var calls = new java.util.ArrayList<>(ALL_USED);
    calls.add(new Call("Fn", "dynamodb:UpdateItem", "table/CasesTable"));
    calls.add(new Call("Fn", "s3:PutObject", "bucket/uploads-bucket/ledgers/a.xlsx"));
    calls.add(new Call("Fn", "dynamodb:Query", "table/CasesTable/index/byToken"));

    var result =
        IamPolicyCheck.check(template(POLICIES, "BuildMethod: makefile"), calls, Set.of("Fn"));

    assertThat(result.missing())
        .hasSize(3)
        .anySatisfy(m -> assertThat(m).contains("Fn", "dynamodb:UpdateItem", "table/CasesTable"))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("Fn", "s3:PutObject", "bucket/uploads-bucket/ledgers/a.xlsx"))
        .anySatisfy(m -> assertThat(m).contains("dynamodb:Query", "index/byToken"));
    assertThat(result.notExercised()).isEmpty();
  }

  @Test
  void aGrantNeverUsed_failsUnlessTheFunctionListsItWithAReason() throws IOException {
    var calls = ALL_USED.subList(0, 4);

    var unlisted =
        IamPolicyCheck.check(template(POLICIES, "BuildMethod: makefile"), calls, Set.of("Fn"));
    var listed =
        IamPolicyCheck.check(
            template(
                POLICIES,
                """
                IamNotExercised:
                  - Action: s3:PutObject
                    Resource: UploadsBucket.Arn/spending/*
                    Reason: signs links only when a unit uploads
                """),
            calls,
            Set.of("Fn"));

    assertThat(unlisted.notExercised())
        .singleElement()
        .satisfies(
            m -> assertThat(m).contains("Fn", "s3:PutObject", "bucket/uploads-bucket/spending/*"));
    assertThat(listed.problems()).isEmpty();
  }

  @Test
  void anAllowListEntryTheTestsDoUse_orThatIsNotGranted_mustGo() throws IOException {
    var result =
        IamPolicyCheck.check(
            template(
                POLICIES,
                """
                IamNotExercised:
                  - Action: dynamodb:GetItem
                    Resource: CasesTable.Arn
                    Reason: stale
                  - Action: dynamodb:DeleteItem
                    Resource: CasesTable.Arn
                    Reason: never granted
                """),
            ALL_USED,
            Set.of("Fn"));

    assertThat(result.notExercised())
        .hasSize(2)
        .anySatisfy(m -> assertThat(m).contains("dynamodb:GetItem", "测试已用到"))
        .anySatisfy(m -> assertThat(m).contains("dynamodb:DeleteItem", "没有授予"));
  }

  @Test
  void anAllowListEntryWithoutAReason_isRefused() throws IOException {
    SamTemplate template =
        template(
            POLICIES,
            """
            IamNotExercised:
              - Action: s3:PutObject
                Resource: "${UploadsBucket.Arn}/spending/*"
            """);

    assertThatThrownBy(() -> IamPolicyCheck.check(template, ALL_USED, Set.of("Fn")))
        .hasMessageContaining("Reason");
  }

  @Test
  void aCallByAFunctionTheTemplateDoesNotDeclare_fails() throws IOException {
    var calls = List.of(new Call("Ghost", "dynamodb:GetItem", "table/CasesTable"));

    var result = IamPolicyCheck.check(template(POLICIES, "BuildMethod: makefile"), calls, Set.of());

    assertThat(result.missing()).singleElement().satisfies(m -> assertThat(m).contains("Ghost"));
  }

  @Test
  void aSamPolicyTemplate_isRefused_ratherThanGuessed() throws IOException {
    SamTemplate template =
        template("- DynamoDBCrudPolicy: {TableName: CasesTable}", "BuildMethod: makefile");

    assertThatThrownBy(() -> IamPolicyCheck.grants(template, "Fn"))
        .hasMessageContaining("DynamoDBCrudPolicy");
  }

  @Test
  void aWildcardInTheActionOrResource_matchesAsInIam() throws IOException {
    SamTemplate template =
        template(
            """
            - Statement:
                - Effect: Allow
                  Action: dynamodb:*Item
                  Resource: "${CasesTable.Arn}*"
            """,
            "BuildMethod: makefile");
    var calls =
        List.of(
            new Call("Fn", "dynamodb:PutItem", "table/CasesTable"),
            new Call("Fn", "dynamodb:GetItem", "table/CasesTable/index/gsi1"),
            new Call("Fn", "dynamodb:Query", "table/CasesTable"));

    assertThat(IamPolicyCheck.check(template, calls, Set.of()).missing())
        .singleElement()
        .satisfies(m -> assertThat(m).contains("dynamodb:Query"));
  }
}
