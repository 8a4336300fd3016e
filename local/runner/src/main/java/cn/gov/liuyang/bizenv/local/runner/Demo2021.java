package cn.gov.liuyang.bizenv.local.runner;

import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.ledger.fixtures.Seed2021Ledger;
import cn.gov.liuyang.bizenv.local.cloud.LocalCloudException;
import cn.gov.liuyang.bizenv.local.cloud.Ports;
import cn.gov.liuyang.bizenv.local.runner.StaffApi.Failure;
import cn.gov.liuyang.bizenv.local.runner.auth.StaffIdentity;
import cn.gov.liuyang.bizenv.local.runner.auth.StaffJwtSettings;
import cn.gov.liuyang.bizenv.local.runner.auth.StaffSigningKey;
import cn.gov.liuyang.bizenv.local.runner.auth.StaffTokens;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/demo-2021}: fills the running local stack with the seed year 2021 and makes its annual
 * report, so that a newcomer sees the whole flow in a minute. Spending and the year's complaint
 * ledger (投诉台账, generated from the seed records) go through the real uploads (signed link, upload
 * event, ingest); the staff texts and the report go through the staff API.
 */
public final class Demo2021 {
  static final String UNIT = "lyyshj";
  static final int YEAR = 2021;
  static final String SPENDING_FILE = "docs/samples/2021年度支出明细.csv";
  static final String STAFF_TEXTS_EVENT = "events/report-generator/save-inputs.json";
  private static final Duration PROCESSING_LIMIT = Duration.ofSeconds(60);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(300);
  private static final DateTimeFormatter LOCAL_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  private final StaffApi api;
  private final Endpoints running;
  private final LocalSettings settings;
  private final PrintStream out;

  private Demo2021(StaffApi api, Endpoints running, LocalSettings settings, PrintStream out) {
    this.api = api;
    this.running = running;
    this.settings = settings;
    this.out = out;
  }

  public static void main(String[] args) {
    LocalJvm.prepare();
    System.exit(run(System.getenv(), System.out, System.err));
  }

  /**
   * @return the exit code: 0 when the report was made, 1 when a step failed
   */
  static int run(Map<String, String> environment, PrintStream out, PrintStream err) {
    try {
      LocalSettings settings = LocalSettings.from(environment);
      Endpoints running =
          Endpoints.read(settings.endpointsFile())
              .filter(Endpoints::isUp)
              .filter(e -> Ports.awaitListening(e.api().getPort(), Duration.ofMillis(300)))
              .orElseThrow(
                  () ->
                      new Failure(
                          "本地后端未运行（数据目录 "
                              + settings.dataDir()
                              + "）：请先在另一个终端运行 bin/start，再运行 bin/demo-2021。"));
      StaffTokens tokens =
          new StaffTokens(
              StaffSigningKey.loadOrCreate(LocalBackend.staffKeyFile(settings.dataDir())),
              StaffJwtSettings.LOCAL,
              Clock.systemUTC());
      String token =
          tokens.issue(
              new StaffIdentity("demo-2021", "演示数据", StaffIdentity.ALL_GROUPS),
              Duration.ofHours(1));
      out.println("把 " + YEAR + " 年度演示数据载入本地后端 " + running.api());
      new Demo2021(new StaffApi(running.api(), token), running, settings, out).loadAndReport();
      return 0;
    } catch (Failure | LocalCloudException e) {
      err.println("演示数据未能载入：" + e.getMessage());
      return 1;
    } catch (RuntimeException e) {
      err.println("演示数据未能载入：" + e.getClass().getSimpleName() + "：" + e.getMessage());
      return 1;
    } finally {
      out.flush();
    }
  }

  private void loadAndReport() {
    uploadSpending();
    importLedger();
    saveStaffTexts();
    makeReport();
  }

  private void uploadSpending() {
    byte[] file = read(SPENDING_FILE);
    String fileName = Path.of(SPENDING_FILE).getFileName().toString();
    JsonNode ticket =
        api.call(
            "POST",
            "/staff/spending/uploads",
            Map.of("unit", UNIT, "year", YEAR, "fileName", fileName, "size", file.length));
    api.upload(ticket.path("upload"), file);
    JsonNode submission = awaitProcessed(ticket.path("statusPath").asText(), "支出明细");
    JsonNode outcome = submission.path("outcome");
    if (!submission.path("status").asText().equals("ACCEPTED")) {
      JsonNode first = outcome.path("firstFindings").path(0);
      throw new Failure(
          SPENDING_FILE
              + " 未通过校验（"
              + outcome.path("findingCount").asInt()
              + " 处问题），第一处："
              + first.path("code").asText()
              + " "
              + first.path("message").asText());
    }
    JsonNode totals = outcome.path("totals");
    out.println(
        "[1/4] 支出明细：已上传并导入 "
            + outcome.path("lineCount").asInt()
            + " 行，支出合计 "
            + totals.path("total").path("wanYuan").asText()
            + " 万元（基本支出 "
            + totals.path("basic").path("wanYuan").asText()
            + "，项目支出 "
            + totals.path("project").path("wanYuan").asText()
            + "）");
  }

  /** Polls the submission until the upload event has been processed; the stack delivers it. */
  private JsonNode awaitProcessed(String statusPath, String what) {
    Instant deadline = Instant.now().plus(PROCESSING_LIMIT);
    while (true) {
      JsonNode submission = api.call("GET", statusPath, (String) null);
      String status = submission.path("status").asText();
      if (List.of("ACCEPTED", "REJECTED", "FAILED").contains(status)) {
        return submission;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new Failure(
            PROCESSING_LIMIT.toSeconds()
                + " 秒后"
                + what
                + "仍是“"
                + submission.path("statusLabel").asText(status)
                + "”：上传事件未被处理，请看 bin/start 终端的日志。");
      }
      try {
        Thread.sleep(POLL_INTERVAL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Failure("等待" + what + "处理时被中断");
      }
    }
  }

  /**
   * The year's complaint ledger (投诉台账) through the ledger import, like any office's: signed upload,
   * upload event, ingest. Uploading it again replaces the earlier import, so a second run leaves
   * the year as it was.
   */
  private void importLedger() {
    byte[] file = Seed2021Ledger.xlsx();
    JsonNode ticket =
        api.call(
            "POST",
            "/staff/ledgers/uploads",
            Map.of(
                "unit",
                UNIT,
                "year",
                YEAR,
                "fileName",
                Seed2021Ledger.FILE_NAME,
                "size",
                file.length));
    api.upload(ticket.path("upload"), file);
    JsonNode submission = awaitProcessed(ticket.path("statusPath").asText(), "投诉台账");
    JsonNode outcome = submission.path("outcome");
    if (!submission.path("status").asText().equals("ACCEPTED")) {
      JsonNode first = outcome.path("firstFindings").path(0);
      throw new Failure(
          Seed2021Ledger.FILE_NAME
              + " 未通过校验（"
              + outcome.path("findingCount").asInt()
              + " 处问题），第一处：第 "
              + first.path("row").asInt()
              + " 行 "
              + first.path("code").asText()
              + " "
              + first.path("message").asText());
    }
    String replaced = outcome.path("notes").toString().contains("已替换") ? "，替换此前导入的台账" : "";
    out.println(
        "[2/4] 投诉台账：已上传并导入 "
            + outcome.path("caseCount").asInt()
            + " 件"
            + replaced
            + "，统计接口现显示 "
            + YEAR
            + " 年收到 "
            + receivedIn(YEAR)
            + " 件");
  }

  private int receivedIn(int year) {
    return api.call("GET", "/staff/complaint-statistics/" + year, (String) null)
        .path("received")
        .asInt();
  }

  private void saveStaffTexts() {
    String texts;
    try {
      texts = Json.mapper().readTree(read(STAFF_TEXTS_EVENT)).path("body").asText();
    } catch (IOException e) {
      throw new Failure(STAFF_TEXTS_EVENT + " 不是合法的 JSON：" + e.getMessage());
    }
    api.call("PUT", "/staff/reports/" + UNIT + "/" + YEAR + "/inputs", texts);
    out.println("[3/4] 报告文字：已保存（" + STAFF_TEXTS_EVENT + "）");
  }

  private void makeReport() {
    JsonNode report = api.call("POST", "/staff/reports/" + UNIT + "/" + YEAR, Map.of());
    String url = report.path("download").path("url").asText();
    out.println(
        "[4/4] 年度报告："
            + report.path("score").asText()
            + " 分，等级“"
            + report.path("grade").asText()
            + "”（第 "
            + report.path("version").asText()
            + " 版"
            + (report.path("reused").asBoolean() ? "，材料未变，沿用已生成的报告" : "")
            + "）");
    out.println();
    out.println("下载链接（" + until(report.path("download").path("expiresAt").asText()) + "）：");
    out.println("  " + url);
    out.println("用 curl 下载：");
    out.println("  curl -sS -o '" + report.path("fileName").asText() + "' '" + url + "'");
  }

  private static String until(String expiresAt) {
    try {
      return LOCAL_TIME.format(Instant.parse(expiresAt)) + " 前有效";
    } catch (DateTimeParseException e) {
      return "有效期有限";
    }
  }

  private byte[] read(String relativePath) {
    Path file = settings.root().resolve(relativePath);
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new Failure("无法读取 " + file + "：" + e.getMessage());
    }
  }
}
