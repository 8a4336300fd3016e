package cn.gov.liuyang.bizenv.local.runner.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.Env;
import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.complaint.fixtures.Seed2021Complaints;
import cn.gov.liuyang.bizenv.complaint.infrastructure.ComplaintConfiguration;
import cn.gov.liuyang.bizenv.complaint.infrastructure.DynamoDbComplaints;
import cn.gov.liuyang.bizenv.ledger.fixtures.LedgerWorkbooks;
import cn.gov.liuyang.bizenv.local.cloud.Ports;
import cn.gov.liuyang.bizenv.local.cloud.ProjectLayout;
import cn.gov.liuyang.bizenv.local.cloud.SamTemplate;
import cn.gov.liuyang.bizenv.local.runner.LocalBackend;
import cn.gov.liuyang.bizenv.local.runner.auth.StaffIdentity;
import cn.gov.liuyang.bizenv.spending.fixtures.BrokenWorkbooks;
import cn.gov.liuyang.bizenv.spending.fixtures.SpendingWorkbooks;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The staff console that bin/start serves at /console/, in headless Chromium at desktop size: each
 * workspace used as staff would, signed in through the local sign-in page. Every test checks what
 * the page shows and what was stored, through the staff API. The screenshots of each workspace in
 * docs/screenshots/ are made here ({@code BIZENV_UPDATE_SCREENSHOTS=1}; see {@link #SCREENSHOTS}).
 */
class StaffConsoleBrowserIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /**
   * Where the screenshots go: local/runner/target/screenshots on every run, so a test run leaves
   * the tree as it was; docs/screenshots with {@code BIZENV_UPDATE_SCREENSHOTS=1}
   * (docs/console.md).
   */
  private static final Path SCREENSHOTS =
      "1".equals(System.getenv("BIZENV_UPDATE_SCREENSHOTS"))
          ? ProjectLayout.root().resolve("docs/screenshots")
          : ProjectLayout.root().resolve("local/runner/target/screenshots");

  private static LocalBackend backend;
  private static WebDriver browser;
  private static WebDriverWait wait;
  private static String apiToken;

  @TempDir static Path files;

  @BeforeAll
  static void start() {
    LocalBackend.Options memory =
        LocalBackend.Options.inMemory(SamTemplate.load(), Ports.free(), Ports.free(), Ports.free());
    backend =
        LocalBackend.start(
            new LocalBackend.Options(
                memory.template(),
                Optional.empty(),
                memory.gatewayPort(),
                memory.dynamoDbPort(),
                memory.s3Port(),
                Optional.of(ProjectLayout.root().resolve("web")),
                memory.log(),
                false,
                memory.pollInterval(),
                memory.retryDelay()));
    apiToken =
        backend
            .staffTokens()
            .issue(
                new StaffIdentity("checker-1", "核对员", StaffIdentity.ALL_GROUPS),
                List.of("lyyshj"),
                Duration.ofHours(1));
    browser = HeadlessChromium.start("1440,900", withChineseFont(), "--lang=zh-CN");
    wait = new PageWait(browser);
  }

  /** Waits as WebDriverWait does; on a timeout, says what the page showed. */
  private static final class PageWait extends WebDriverWait {
    PageWait(WebDriver driver) {
      super(driver, Duration.ofSeconds(60));
    }

    @Override
    protected RuntimeException timeoutException(String message, Throwable lastException) {
      String shown;
      try {
        shown = browser.getCurrentUrl() + "\n" + browser.findElement(By.tagName("body")).getText();
      } catch (RuntimeException e) {
        shown = "(page unreadable: " + e + ")";
      }
      return super.timeoutException(message + "\nThe page showed:\n" + shown, lastException);
    }
  }

  /**
   * The test machine may have no Chinese font (Debian's chromium pulls in none): the screenshots
   * would show boxes. The report's own Noto Sans SC (installed by bin/setup) is added to
   * fontconfig's fonts for this browser only; staff machines have their own Chinese fonts.
   */
  private static Map<String, String> withChineseFont() {
    Path fonts =
        ProjectLayout.root()
            .resolve(
                "functions/report-generator/font/node_modules/@expo-google-fonts/noto-sans-sc");
    if (!Files.isDirectory(fonts)) {
      return Map.of();
    }
    try {
      Path config = Files.createTempFile("console-fonts", ".conf");
      Files.writeString(
          config,
          "<?xml version=\"1.0\"?><!DOCTYPE fontconfig SYSTEM \"fonts.dtd\"><fontconfig>"
              + "<include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>"
              + "<dir>"
              + fonts.resolve("400Regular")
              + "</dir><dir>"
              + fonts.resolve("700Bold")
              + "</dir></fontconfig>");
      config.toFile().deleteOnExit();
      return Map.of("FONTCONFIG_FILE", config.toString());
    } catch (java.io.IOException e) {
      return Map.of();
    }
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (backend != null) {
      backend.close();
    }
  }

  @Test
  void anOfficerTakesACaseFromReceivedToTheFollowUpCall_throughTheConsole() throws Exception {
    // GIVEN a complaint filed from the mobile form's route, and a few others in the queue
    String trackingNumber = fileComplaint("投诉", "市场监督管理局 食品经营许可审批", "许可申请提交两周仍未受理");
    fileComplaint("困难诉求", "浏阳经开区 用电报装", "新厂房申请用电报装三周未有回复");
    fileComplaint("意见建议", "政务服务中心 窗口", "建议午间延长办理时间");

    // WHEN an officer signs in locally, finds it in the queue and opens it
    signIn("李明", "officer-1", List.of("complaint-officer"), "#/complaints");
    WebElement row =
        wait.until(
            d ->
                d.findElements(By.cssSelector("#queue-table tr[data-tracking-number]")).stream()
                    .filter(r -> r.getText().contains(trackingNumber))
                    .findFirst()
                    .orElse(null));
    // THEN the queue shows its status and the working-day countdown of its acceptance deadline
    assertThat(row.getText()).contains("待受理", "市场监督管理局").containsPattern("剩 \\d+ 个工作日|今天到期");
    screenshot("officers-queue");
    row.findElement(By.linkText(trackingNumber)).click();
    wait.until(d -> d.findElement(By.id("case-status")).getText().equals("待受理"));
    assertThat(actionsOffered()).containsExactly("ACCEPT", "REFUSE");

    // WHEN the officer accepts, transfers, closes and records the follow-up call, form by form
    act("ACCEPT", Map.of("note", "属于受理范围"));
    assertThat(status()).isEqualTo("已受理");
    act("TRANSFER", Map.of("department", "浏阳市市场监督管理局", "note", "请5个工作日内答复"));
    assertThat(status()).isEqualTo("办理中");
    assertThat(actionsOffered()).containsExactly("TRANSFER", "FOLLOW_UP", "MEETING", "CLOSE");
    act("CLOSE", Map.of("result", "许可证已核发"));
    assertThat(status()).isEqualTo("已办结");
    screenshot("officers-case");
    browser
        .findElement(By.cssSelector("#action-REVISIT input[name=satisfiedWithResult][value=true]"))
        .click();
    browser
        .findElement(By.cssSelector("#action-REVISIT input[name=satisfiedWithService][value=true]"))
        .click();
    act("REVISIT", Map.of("note", "企业表示满意"));

    // THEN the page shows 已回访, the whole history as a timeline, and no action left
    assertThat(status()).isEqualTo("已回访");
    assertThat(browser.findElements(By.cssSelector("#timeline li")))
        .extracting(li -> li.getAttribute("data-action"))
        .containsExactly("FILE", "ACCEPT", "TRANSFER", "CLOSE", "REVISIT");
    assertThat(browser.findElement(By.id("no-actions")).getText()).contains("没有可办理的操作");
    assertThat(browser.findElement(By.id("timeline")).getText()).contains("李明", "许可证已核发");

    // AND that is what is stored
    JsonNode stored = staffGet("/staff/complaints/" + trackingNumber);
    assertThat(stored.path("status").asText()).isEqualTo("REVISITED");
    assertThat(stored.path("version").asInt()).isEqualTo(5);
    List<String> actors = new ArrayList<>();
    stored
        .path("history")
        .forEach(s -> actors.add(s.path("action").asText() + ":" + s.path("actorName").asText()));
    assertThat(actors)
        .containsExactly("FILE:complainant", "ACCEPT:李明", "TRANSFER:李明", "CLOSE:李明", "REVISIT:李明");

    // AND the year's statistics count it, with the chart
    browser.get(backend.baseUrl() + "/console/#/statistics");
    wait.until(d -> !d.findElements(By.cssSelector("#chart rect")).isEmpty());
    assertThat(browser.findElement(By.id("figures")).getText()).contains("收件");
    screenshot("officers-statistics");
  }

  @Test
  void twoOfficersActOnOneCase_theSecondSeesTheConflictAndTheCurrentState_andRedoesOnIt()
      throws Exception {
    // GIVEN officer 王芳 has a received case open in the console
    String trackingNumber = fileComplaint("举报", "某局 窗口人员", "办事时被索要好处费");
    signIn("王芳", "officer-2", List.of("complaint-officer"), "#/complaints/" + trackingNumber);
    wait.until(d -> d.findElement(By.id("case-status")).getText().equals("待受理"));

    // WHEN officer 李明 accepts it first (from his own desk)
    HttpResponse<String> first =
        send(
            officerToken("officer-1", "李明"),
            "POST",
            "/staff/complaints/" + trackingNumber + "/actions",
            "{\"action\":\"ACCEPT\",\"version\":1,\"note\":\"李明受理\"}");
    assertThat(first.statusCode()).isEqualTo(200);
    // AND 王芳 then accepts it on the version she saw
    fill("ACCEPT", Map.of("note", "王芳受理"));
    browser.findElement(By.cssSelector("#action-ACCEPT button[type=submit]")).click();

    // THEN she sees the conflict and the state it is in now, with the history as it is
    WebElement conflict = wait.until(d -> d.findElement(By.id("conflict")));
    assertThat(conflict.getText()).contains("已被他人更新", "当前状态：已受理（第 2 版）", "VERSION_CONFLICT");
    assertThat(status()).isEqualTo("已受理");
    assertThat(browser.findElement(By.id("timeline")).getText()).contains("李明", "李明受理");
    assertThat(actionsOffered()).containsExactly("TRANSFER", "MEETING", "CLOSE");
    screenshot("officers-conflict");

    // WHEN she redoes her work on the current state: transfers the accepted case
    act("TRANSFER", Map.of("department", "市纪委监委派驻纪检组", "note", "请核查"));

    // THEN one acceptance is stored (李明's), and her transfer after it
    assertThat(status()).isEqualTo("办理中");
    JsonNode stored = staffGet("/staff/complaints/" + trackingNumber);
    List<String> steps = new ArrayList<>();
    stored
        .path("history")
        .forEach(s -> steps.add(s.path("action").asText() + ":" + s.path("actorName").asText()));
    assertThat(steps).containsExactly("FILE:complainant", "ACCEPT:李明", "TRANSFER:王芳");
    assertThat(stored.path("version").asInt()).isEqualTo(3);
  }

  @Test
  void aFinanceToken_seesAClearForbiddenMessage_onTheOfficersPage_andNoCaseData() throws Exception {
    // GIVEN a case on file
    String trackingNumber = fileComplaint("投诉", "住建局 施工许可", "施工许可办理超时");

    // WHEN a finance clerk opens the officers' queue and a case
    signIn("王会计", "finance-1", List.of("finance"), "#/complaints");

    // THEN the page says what is forbidden and why, instead of a blank page or data
    WebElement forbidden = wait.until(d -> d.findElement(By.id("forbidden")));
    assertThat(forbidden.getText()).contains("无权访问", "投诉办理", "FORBIDDEN_GROUP");
    assertThat(browser.findElements(By.id("queue-table"))).isEmpty();
    // AND only the message: no status tabs or filter form for a queue she may not read
    assertThat(browser.findElements(By.id("filters"))).isEmpty();
    assertThat(browser.findElements(By.cssSelector("main nav.tabs"))).isEmpty();
    screenshot("forbidden");
    browser.get(backend.baseUrl() + "/console/#/complaints/" + trackingNumber);
    wait.until(d -> d.findElement(By.id("forbidden")).getText().contains("无权访问"));
    assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("施工许可办理超时");

    // AND the API refuses the same token the same way
    String financeToken =
        backend
            .staffTokens()
            .issue(
                new StaffIdentity("finance-1", "王会计", List.of("finance")),
                List.of("lyyshj"),
                Duration.ofHours(1));
    HttpResponse<String> refused = send(financeToken, "GET", "/staff/complaints", null);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(Json.mapper().readTree(refused.body()).path("code").asText())
        .isEqualTo("FORBIDDEN_GROUP");
  }

  @Test
  void financeUploadsAWorkbook_watchesItProcessed_andReadsARejectedWorkbooksFindings()
      throws Exception {
    // GIVEN the finance clerk in the spending workspace for the seed unit's year 2021
    signIn("王会计", "finance-1", List.of("finance"), "#/spending?unit=lyyshj&year=2021");
    wait.until(d -> d.findElement(By.id("upload-form")));

    // WHEN she uploads the year's workbook
    Path workbook = files.resolve("2021年度支出明细.xlsx");
    Files.write(workbook, SpendingWorkbooks.seedTemplate());
    browser.findElement(By.id("workbook")).sendKeys(workbook.toString());
    browser.findElement(By.id("upload")).click();

    // THEN she watches it go through, and it is accepted and in force
    wait.until(d -> d.findElement(By.id("submission-outcome")).getText().contains("已通过"));
    assertThat(browser.findElement(By.id("upload-progress")).getAttribute("value")).isEqualTo("1");
    assertThat(browser.findElement(By.id("upload-status")).getText()).contains("2021年度支出明细.xlsx");
    wait.until(d -> d.findElement(By.id("by-project")).getText().contains("营商环境指标评价"));
    assertThat(browser.findElement(By.id("totals")).getText()).contains("385.5 万元");

    // WHEN she uploads a workbook with an unknown economic code
    BrokenWorkbooks.Case broken =
        BrokenWorkbooks.all().stream()
            .filter(c -> c.name().equals("unknown economic code 30298"))
            .findFirst()
            .orElseThrow();
    Path wrong = files.resolve("2021年度支出明细-有误.csv");
    Files.write(wrong, broken.bytes());
    browser.findElement(By.id("workbook")).sendKeys(wrong.toString());
    browser.findElement(By.id("upload")).click();

    // THEN it is rejected, and the findings table locates the problem: sheet, row, column, value
    WebElement findings = wait.until(d -> d.findElement(By.id("findings")));
    assertThat(browser.findElement(By.id("submission-outcome")).getText()).contains("未通过");
    List<String> cells = new ArrayList<>();
    findings
        .findElements(By.cssSelector("tbody tr[data-code=ECONOMIC_CODE_UNKNOWN] td"))
        .forEach(td -> cells.add(td.getText()));
    assertThat(cells).hasSize(5);
    assertThat(cells.get(1)).matches("\\d+");
    assertThat(cells.get(3)).isEqualTo("30298");
    assertThat(browser.findElement(By.id("report-link")).getAttribute("href")).startsWith("http");
    wait.until(d -> d.findElements(By.cssSelector("#submissions-table tbody tr")).size() >= 2);
    screenshot("finance", "#upload-status");

    // AND the stored state: the rejected one is not in force, the accepted one still is
    JsonNode year = staffGet("/staff/spending/units/lyyshj/years/2021/submissions");
    JsonNode rejected = null;
    JsonNode accepted = null;
    for (Iterator<JsonNode> it = year.path("submissions").elements(); it.hasNext(); ) {
      JsonNode s = it.next();
      if (s.path("fileName").asText().equals("2021年度支出明细-有误.csv")) {
        rejected = s;
      } else if (s.path("fileName").asText().equals("2021年度支出明细.xlsx")) {
        accepted = s;
      }
    }
    assertThat(rejected).isNotNull();
    assertThat(rejected.path("status").asText()).isEqualTo("REJECTED");
    assertThat(accepted.path("status").asText()).isEqualTo("ACCEPTED");
    assertThat(year.path("currentSubmissionId").asText())
        .isEqualTo(accepted.path("submissionId").asText());
    String currentRow =
        browser
            .findElement(
                By.cssSelector(
                    "#submissions-table tr[data-submission-id='"
                        + accepted.path("submissionId").asText()
                        + "']"))
            .getText();
    assertThat(currentRow).contains("当前生效");
  }

  @Test
  void evaluationSavesTheTexts_generatesTheReport_andDownloadsThePdf() throws Exception {
    // GIVEN the year's spending is in force (finance's part) and its complaints are on record
    givenTheSeedSpendingIsAccepted();
    Map<String, String> complaintsEnv = backend.cloud().environmentFor("ComplaintWorkflowFunction");
    Seed2021Complaints.store(
        new DynamoDbComplaints(
            backend.cloud().dynamoDbClient(), complaintsEnv.get("COMPLAINTS_TABLE")),
        Env.withVariables(complaintsEnv, ComplaintConfiguration::deadlines));
    JsonNode example =
        Json.mapper()
            .readTree(
                Json.mapper()
                    .readTree(
                        Files.readString(
                            ProjectLayout.root()
                                .resolve("events/report-generator/save-inputs.json")))
                    .path("body")
                    .asText());

    // WHEN the evaluation clerk opens the workspace: the report still lacks its texts
    signIn("赵静", "evaluation-1", List.of("evaluation"), "#/reports?unit=lyyshj&year=2021");
    wait.until(d -> d.findElement(By.id("missing")).getText().contains("文字"));
    wait.until(d -> d.findElement(By.id("inputs-form")));

    // AND enters the texts and manual scores (one typed, the long rest pasted in) and saves
    WebElement plan = browser.findElement(By.name("sections.keyWorkPlan"));
    plan.sendKeys("坚持以市场主体满意度为导向，打造“营商福地看浏阳”升级版。");
    JavascriptExecutor js = (JavascriptExecutor) browser;
    example
        .path("profile")
        .fields()
        .forEachRemaining(f -> paste(js, "profile." + f.getKey(), f.getValue().asText()));
    example
        .path("sections")
        .fields()
        .forEachRemaining(
            f -> {
              if (!f.getKey().equals("keyWorkPlan")) {
                paste(js, "sections." + f.getKey(), f.getValue().asText());
              }
            });
    for (JsonNode score : example.path("manualScores")) {
      paste(js, "score." + score.path("indicator").asText(), score.path("score").asText());
      if (score.has("note")) {
        paste(js, "scoreNote." + score.path("indicator").asText(), score.path("note").asText());
      }
    }
    browser.findElement(By.id("save-inputs")).click();

    // THEN it is saved as version 1 and nothing is missing any more
    wait.until(d -> d.findElement(By.id("saved")).getText().contains("第 1 版"));
    wait.until(d -> d.findElement(By.id("ready")).getText().contains("材料齐全"));

    // WHEN the clerk generates the report
    browser.findElement(By.id("generate")).click();

    // THEN the version is listed with its score, fingerprint and download link
    WebElement version =
        wait.until(d -> d.findElement(By.cssSelector("#versions-table tr[data-version='1']")));
    assertThat(version.getText()).contains("第 1 版", "99 分", "优");
    assertThat(browser.findElement(By.id("generated")).getText()).contains("已生成第 1 版");
    screenshot("evaluation");

    // AND the PDF downloads through the link shown
    String link = version.findElement(By.cssSelector("a.download")).getAttribute("href");
    HttpResponse<byte[]> pdf =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(link)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

    // AND the stored state is what the page showed: the texts as typed, the report it lists
    JsonNode inputs = staffGet("/staff/reports/lyyshj/2021/inputs");
    assertThat(inputs.path("version").asInt()).isEqualTo(1);
    assertThat(inputs.path("savedBy").asText()).isEqualTo("赵静");
    assertThat(inputs.path("inputs").path("sections").path("keyWorkPlan").asText())
        .isEqualTo("坚持以市场主体满意度为导向，打造“营商福地看浏阳”升级版。");
    JsonNode reports = staffGet("/staff/reports/lyyshj/2021");
    JsonNode first = reports.path("reports").get(0);
    assertThat(first.path("version").asInt()).isEqualTo(1);
    assertThat(version.getText()).contains(first.path("fingerprint").asText());
    assertThat(first.path("generatedBy").asText()).isEqualTo("赵静");
  }

  @Test
  void aFinanceClerkSeesWhereEachFactComesFrom_isToldWhatIsMissing_andEntersIt() throws Exception {
    // GIVEN 2021's spending is in force, so 2022's 上年三公经费决算数 is derived from it
    givenTheSeedSpendingIsAccepted();
    // WHEN the finance clerk opens 2022's facts
    signIn("王会计", "finance-1", List.of("finance"), "#/facts?unit=lyyshj&year=2022");
    wait.until(d -> d.findElement(By.id("facts-table")));
    // THEN each fact shows its source, and what the report still lacks is named
    assertThat(factRow("priorYearSanGong").getAttribute("data-source")).isEqualTo("DERIVED");
    assertThat(factRow("priorYearSanGong").getText()).contains("推算", "2021");
    assertThat(factRow("authorizedPosts").getAttribute("data-source")).isEqualTo("MISSING");
    assertThat(factRow("authorizedPosts").getText()).contains("未提供");
    assertThat(browser.findElement(By.id("facts-missing")).getText())
        .contains("报告还缺", "编制数", "在职人数", "本年三公经费预算数")
        .doesNotContain("上年三公经费决算数");
    // WHEN she types a headcount in words: the field error is beside the field, nothing is saved
    factInput("authorizedPosts").sendKeys("十二");
    browser.findElement(By.id("save-facts")).click();
    WebElement error =
        wait.until(d -> d.findElement(By.cssSelector("#facts-form .field.invalid .error")));
    assertThat(error.getText()).isNotBlank();
    assertThat(browser.findElement(By.id("facts-message")).getText()).contains("authorizedPosts");
    assertThat(staffGet("/staff/reports/lyyshj/2022/facts").path("history")).isEmpty();
    // WHEN she corrects it and enters the other three (amounts in 万元, the form's default)
    factInput("authorizedPosts").clear();
    factInput("authorizedPosts").sendKeys("12");
    factInput("staffOnPayroll").sendKeys("11");
    factInput("sanGongBudget").sendKeys("1.2");
    browser.findElement(By.id("save-facts")).click();
    // THEN version 1 is saved by her, the entered facts say so, and nothing is missing
    wait.until(d -> d.findElement(By.id("facts-saved")).getText().contains("第 1 版"));
    assertThat(factRow("authorizedPosts").getAttribute("data-source")).isEqualTo("ENTERED");
    assertThat(factRow("authorizedPosts").getText()).contains("12", "王会计", "第 1 版");
    assertThat(factRow("sanGongBudget").getText()).contains("1.2 万元");
    assertThat(factRow("priorYearSanGong").getAttribute("data-source")).isEqualTo("DERIVED");
    assertThat(browser.findElement(By.id("facts-missing")).getText()).contains("已齐全");
    assertThat(browser.findElement(By.id("facts-history")).getText()).contains("第 1 版", "王会计");
    // AND the form keeps what is entered, the amount back in 万元
    assertThat(factInput("sanGongBudget").getAttribute("value")).isEqualTo("1.2");
    screenshot("facts");
    // AND that is what is stored: one version, by her, in exact 元
    JsonNode stored = staffGet("/staff/reports/lyyshj/2022/facts");
    assertThat(stored.path("history")).hasSize(1);
    JsonNode first = stored.path("history").get(0);
    assertThat(first.path("enteredBy").asText()).isEqualTo("王会计");
    assertThat(first.path("entered").path("authorizedPosts").asText()).isEqualTo("12");
    assertThat(first.path("entered").path("staffOnPayroll").asText()).isEqualTo("11");
    assertThat(new java.math.BigDecimal(first.path("entered").path("sanGongBudget").asText()))
        .isEqualByComparingTo("12000");
    assertThat(first.path("entered").has("priorYearSanGong")).isFalse();
    assertThat(stored.path("factsMissingForReport")).isEmpty();
  }

  @Test
  void anOfficerUploadsTheUnitsCaseLedger_seesItsFigures_andARejectedLedgersFindings()
      throws Exception {
    // GIVEN an officer in the ledger workspace for a year of its own (2019: no other test's year)
    signIn("李明", "officer-1", List.of("complaint-officer"), "#/ledger?unit=lyyshj&year=2019");
    wait.until(d -> d.findElement(By.id("upload-form")));
    // WHEN he uploads the year's ledger of 12 cases
    Path ledger = files.resolve("2019年投诉台账.xlsx");
    Files.write(
        ledger,
        LedgerWorkbooks.xlsx(LedgerWorkbooks.Traits.plain(), 2019, LedgerWorkbooks.sample(2019)));
    browser.findElement(By.id("workbook")).sendKeys(ledger.toString());
    browser.findElement(By.id("upload")).click();
    // THEN he watches it go through: imported, with the figures its cases give
    wait.until(d -> d.findElement(By.id("submission-outcome")).getText().contains("已通过"));
    assertThat(browser.findElement(By.id("submission-outcome")).getText()).contains("12 件案件");
    assertThat(browser.findElement(By.id("ledger-figures")).getText())
        .contains("收到诉求（件）\n12", "受理（件）\n12");
    assertThat(browser.findElement(By.id("upload-progress")).getAttribute("value")).isEqualTo("1");
    // WHEN he uploads a ledger with a kind the import does not know
    Path wrong = files.resolve("2019年投诉台账-有误.csv");
    Files.writeString(
        wrong,
        "登记编号,受理时间,诉求类别,诉求内容\n"
            + "A001,2019-03-05,投诉,办证窗口推诿\n"
            + "A002,2019-03-06,外星诉求,用地审批迟迟没有答复\n");
    browser.findElement(By.id("workbook")).sendKeys(wrong.toString());
    browser.findElement(By.id("upload")).click();
    // THEN it is rejected, and the findings table names the row, the column and the value
    WebElement findings = wait.until(d -> d.findElement(By.id("findings")));
    assertThat(browser.findElement(By.id("submission-outcome")).getText()).contains("未通过");
    List<String> cells = new ArrayList<>();
    findings
        .findElements(By.cssSelector("tbody tr[data-code=KIND_UNKNOWN] td"))
        .forEach(td -> cells.add(td.getText()));
    assertThat(cells).hasSize(5);
    assertThat(cells.get(1)).isEqualTo("3");
    assertThat(cells.get(2)).isEqualTo("诉求类别");
    assertThat(cells.get(3)).isEqualTo("外星诉求");
    assertThat(browser.findElement(By.id("report-link")).getAttribute("href")).startsWith("http");
    screenshot("ledger");
    // AND the stored state: the first ledger's 12 cases still count in 2019, the rejected ones not
    JsonNode stats = staffGet("/staff/complaint-statistics/2019");
    assertThat(stats.path("received").asInt()).isEqualTo(12);
    assertThat(stats.path("accepted").asInt()).isEqualTo(12);
  }

  @Test
  void anEvaluationClerkRegistersANewUnit_andItIsListedAndStored() throws Exception {
    // GIVEN an evaluation clerk who acts for the seed unit and a new one
    signIn("赵静", "evaluation-1", List.of("evaluation"), "lyyshj lysczj", "#/units");
    // THEN the registry lists the shipped unit
    wait.until(d -> d.findElement(By.cssSelector("#units-table tr[data-unit=lyyshj]")));
    // WHEN she saves the new unit without its full name: the error is beside the field
    browser.findElement(By.id("unit-code")).sendKeys("lysczj");
    browser.findElement(By.id("unit-department")).sendKeys("浏阳市人民政府");
    browser.findElement(By.id("register-unit")).click();
    WebElement error = wait.until(d -> d.findElement(By.cssSelector("#unit-form .field.invalid")));
    assertThat(error.findElement(By.tagName("input")).getAttribute("name")).isEqualTo("fullName");
    assertThat(send(apiToken, "GET", "/staff/units/lysczj", null).statusCode()).isEqualTo(404);
    // WHEN she gives it and saves
    browser.findElement(By.id("unit-full-name")).sendKeys("浏阳市财政局");
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("unit-kind")))
        .selectByVisibleText("行政单位");
    browser.findElement(By.id("register-unit")).click();
    // THEN the page confirms it and lists it, with her name
    wait.until(d -> d.findElement(By.id("unit-saved")).getText().contains("浏阳市财政局"));
    WebElement row =
        wait.until(d -> d.findElement(By.cssSelector("#units-table tr[data-unit=lysczj]")));
    assertThat(row.getText()).contains("浏阳市财政局", "浏阳市人民政府", "行政单位", "赵静");
    screenshot("units");
    // AND it is stored as registered
    JsonNode stored = staffGet("/staff/units/lysczj");
    assertThat(stored.path("fullName").asText()).isEqualTo("浏阳市财政局");
    assertThat(stored.path("department").asText()).isEqualTo("浏阳市人民政府");
    assertThat(stored.path("kind").asText()).isEqualTo("ADMINISTRATIVE");
    assertThat(stored.path("registeredBy").asText()).isEqualTo("赵静");
  }

  @Test
  void anOfficerEntersANewYearsCalendar_andASecondOfficerConfirmsIt() throws Exception {
    // GIVEN a year with no calendar yet (none shipped for 2031)
    signIn("李明", "officer-1", List.of("complaint-officer"), "#/calendars?year=2031");
    wait.until(d -> d.findElement(By.id("calendar-state")).getText().contains("还没有工作日历"));
    // WHEN he enters the notice's two holidays, the second one's dates reversed, and saves
    browser.findElement(By.id("calendar-source")).sendKeys("国务院办公厅关于2031年部分节假日安排的通知");
    dayOff(0, "元旦", "2031-01-01", "2031-01-01");
    dayOff(1, "劳动节", "2031-05-05", "2031-05-01");
    browser.findElement(By.id("calendar-weekend")).sendKeys("2031-04-27");
    browser.findElement(By.id("save-calendar")).click();
    // THEN the error is beside the wrong date, and nothing is stored
    WebElement invalid =
        wait.until(d -> d.findElement(By.cssSelector("#calendar-form .field.invalid input")));
    assertThat(invalid.getAttribute("name")).isEqualTo("daysOff[1].to");
    assertThat(browser.findElement(By.id("calendar-message")).getText()).contains("RANGE_REVERSED");
    assertThat(send(apiToken, "GET", "/staff/calendars/2031", null).statusCode()).isEqualTo(404);
    // WHEN he corrects it and saves
    WebElement from = browser.findElement(By.name("daysOff[1].from"));
    from.clear();
    from.sendKeys("2031-05-01");
    invalid.clear();
    invalid.sendKeys("2031-05-05");
    browser.findElement(By.id("save-calendar")).click();
    // THEN version 1 is shown, unconfirmed, with its days
    wait.until(d -> d.findElement(By.id("calendar-saved")).getText().contains("第 1 版"));
    assertThat(browser.findElement(By.id("calendar-state")).getText()).contains("第 1 版", "未复核");
    assertThat(browser.findElement(By.id("days-off")).getText()).contains("劳动节", "2031-05-05");
    assertThat(browser.findElement(By.id("weekend-working-days")).getText())
        .isEqualTo("2031-04-27");
    // WHEN a second officer opens it and confirms it
    signIn("王芳", "officer-2", List.of("complaint-officer"), "#/calendars?year=2031");
    wait.until(d -> d.findElement(By.id("confirm-calendar"))).click();
    // THEN it shows as confirmed
    wait.until(d -> d.findElement(By.id("calendar-confirmed")).getText().contains("已复核"));
    assertThat(browser.findElement(By.id("calendar-state")).getText()).contains("已复核");
    screenshot("calendars");
    // AND that is what is stored
    JsonNode stored = staffGet("/staff/calendars/2031");
    assertThat(stored.path("version").asInt()).isEqualTo(1);
    assertThat(stored.path("confirmed").asBoolean()).isTrue();
    assertThat(stored.path("savedBy").asText()).isEqualTo("李明");
    assertThat(stored.path("daysOff")).hasSize(2);
    assertThat(stored.path("daysOff").get(1).path("days").asInt()).isEqualTo(5);
    assertThat(stored.path("weekendWorkingDays").get(0).asText()).isEqualTo("2031-04-27");
  }

  private static void dayOff(int index, String name, String from, String to) {
    browser.findElement(By.id("add-day-off")).click();
    browser.findElement(By.name("daysOff[" + index + "].name")).sendKeys(name);
    browser.findElement(By.name("daysOff[" + index + "].from")).sendKeys(from);
    browser.findElement(By.name("daysOff[" + index + "].to")).sendKeys(to);
  }

  private static WebElement factRow(String key) {
    return browser.findElement(By.cssSelector("#facts-table tr[data-key=" + key + "]"));
  }

  private static WebElement factInput(String key) {
    return browser.findElement(By.cssSelector("#facts-form input[name=" + key + "]"));
  }

  // ---------- the browser ----------

  /** Signs in on the local sign-in page, which the console sends a visitor without a token to. */
  private static void signIn(String name, String subject, List<String> groups, String hash) {
    signIn(name, subject, groups, "lyyshj", hash);
  }

  /** As above, acting for the units given (unit codes separated by spaces). */
  private static void signIn(
      String name, String subject, List<String> groups, String units, String hash) {
    browser.get(backend.baseUrl() + "/local/sign-in/");
    ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
    browser.get(backend.baseUrl() + "/console/" + hash);
    wait.until(d -> d.getCurrentUrl().contains("/local/sign-in/"));
    WebElement nameInput = browser.findElement(By.id("name"));
    nameInput.clear();
    nameInput.sendKeys(name);
    WebElement sub = browser.findElement(By.id("sub"));
    sub.clear();
    sub.sendKeys(subject);
    for (String group : StaffIdentity.ALL_GROUPS) {
      WebElement box = browser.findElement(By.id("group-" + group));
      if (box.isSelected() != groups.contains(group)) {
        box.click();
      }
    }
    WebElement unitsInput = browser.findElement(By.id("units"));
    unitsInput.clear();
    unitsInput.sendKeys(units);
    browser.findElement(By.id("sign-in")).click();
    wait.until(d -> d.getCurrentUrl().contains("/console/"));
    wait.until(d -> d.findElement(By.id("who")).getText().contains(name));
  }

  private static void fill(String action, Map<String, String> values) {
    values.forEach(
        (name, value) -> {
          WebElement input =
              browser.findElement(By.cssSelector("#action-" + action + " [name=" + name + "]"));
          input.clear();
          input.sendKeys(value);
        });
  }

  /** Fills the action's form, submits it, and waits for the page to confirm it. */
  private static void act(String action, Map<String, String> values) {
    ((JavascriptExecutor) browser).executeScript("document.getElementById('done')?.remove()");
    fill(action, values);
    browser.findElement(By.cssSelector("#action-" + action + " button[type=submit]")).click();
    wait.until(d -> !d.findElements(By.id("done")).isEmpty());
  }

  private static String status() {
    return browser.findElement(By.id("case-status")).getText();
  }

  private static List<String> actionsOffered() {
    List<String> actions = new ArrayList<>();
    browser
        .findElements(By.cssSelector("#actions form[data-action]"))
        .forEach(f -> actions.add(f.getAttribute("data-action")));
    return actions;
  }

  private static void paste(JavascriptExecutor js, String name, String value) {
    js.executeScript(
        "document.querySelector('[name=\"' + arguments[0] + '\"]').value = arguments[1];",
        name,
        value);
  }

  private static void screenshot(String name) throws Exception {
    screenshot(name, null);
  }

  /** The window as it is, scrolled to the top or to the part that matters. */
  private static void screenshot(String name, String showFrom) throws Exception {
    ((JavascriptExecutor) browser)
        .executeScript(
            "const at = arguments[0] && document.querySelector(arguments[0]);"
                + " if (at) { at.scrollIntoView({block: 'start'}); } else { window.scrollTo(0, 0); }",
            showFrom);
    Files.createDirectories(SCREENSHOTS);
    Files.write(
        SCREENSHOTS.resolve(name + ".png"),
        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  // ---------- the API, for the givens and the stored state ----------

  private static String fileComplaint(String kind, String subject, String description)
      throws Exception {
    String body =
        Json.mapper()
            .writeValueAsString(
                Map.of(
                    "kind",
                    kind,
                    "subject",
                    subject,
                    "description",
                    description,
                    "contactName",
                    "张三",
                    "contactPhone",
                    "13812345678",
                    "consent",
                    true));
    HttpResponse<String> filed =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(backend.baseUrl() + "/complaints"))
                .header("content-type", "application/json")
                .header("idempotency-key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    return Json.mapper().readTree(filed.body()).path("trackingNumber").asText();
  }

  private static String officerToken(String subject, String name) {
    return backend
        .staffTokens()
        .issue(
            new StaffIdentity(subject, name, List.of("complaint-officer")),
            List.of("lyyshj"),
            Duration.ofHours(1));
  }

  private static synchronized void givenTheSeedSpendingIsAccepted() throws Exception {
    JsonNode year = staffGet("/staff/spending/units/lyyshj/years/2021/submissions");
    if (!year.path("currentSubmissionId").asText().isEmpty()) {
      return;
    }
    byte[] workbook = SpendingWorkbooks.seedTemplate();
    HttpResponse<String> asked =
        send(
            apiToken,
            "POST",
            "/staff/spending/uploads",
            Json.mapper()
                .writeValueAsString(
                    Map.of(
                        "unit",
                        "lyyshj",
                        "year",
                        2021,
                        "fileName",
                        "2021年度支出明细.xlsx",
                        "size",
                        workbook.length)));
    JsonNode ticket = Json.mapper().readTree(asked.body());
    assertThat(SignedUpload.put(HTTP, ticket, workbook)).isEqualTo(200);
    String statusPath = ticket.path("statusPath").asText();
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(d -> staffGetQuietly(statusPath).path("status").asText().equals("ACCEPTED"));
  }

  private static JsonNode staffGetQuietly(String path) {
    try {
      return staffGet(path);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode staffGet(String path) throws Exception {
    HttpResponse<String> response = send(apiToken, "GET", path, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Json.mapper().readTree(response.body());
  }

  private static HttpResponse<String> send(String token, String method, String path, String body)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(backend.baseUrl() + path))
            .header("authorization", "Bearer " + token)
            .header("content-type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
