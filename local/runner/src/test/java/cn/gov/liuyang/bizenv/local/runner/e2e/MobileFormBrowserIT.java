package cn.gov.liuyang.bizenv.local.runner.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.local.cloud.LocalCloud;
import cn.gov.liuyang.bizenv.local.cloud.Ports;
import cn.gov.liuyang.bizenv.local.cloud.ProjectLayout;
import cn.gov.liuyang.bizenv.local.cloud.SamTemplate;
import cn.gov.liuyang.bizenv.local.runner.LocalBackend;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An enterprise owner on a phone: opens the mobile form that bin/start serves, files a complaint,
 * attaches a photo straight to S3 through the presigned link, and the complaint is stored. Real
 * headless Chromium (Debian's chromium and chromium-driver, installed by bin/setup).
 */
class MobileFormBrowserIT {
  private static final String PNG_1X1 =
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

  private static LocalBackend backend;
  private static WebDriver browser;

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
    browser = HeadlessChromium.start("390,844", Map.of());
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
  void aComplaintFiledOnThePhoneFormIsStored_withItsPhoto() throws Exception {
    // GIVEN the form, as a phone browser opens it
    browser.get(backend.baseUrl().resolve("/app/complaint-form/").toString());
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

    // WHEN the owner fills it in and submits
    new Select(browser.findElement(By.id("kind"))).selectByValue("DIFFICULTY");
    browser.findElement(By.id("subject")).sendKeys("浏阳经开区 用电报装");
    browser.findElement(By.id("description")).sendKeys("新厂房申请用电报装三周未有回复，影响投产。");
    browser.findElement(By.id("enterpriseName")).sendKeys("浏阳市花炮文化传播有限公司");
    browser.findElement(By.id("contactName")).sendKeys("李四");
    browser.findElement(By.id("contactPhone")).sendKeys("13912345678");
    browser.findElement(By.id("consent")).click();
    browser.findElement(By.id("submit")).click();

    // THEN the receipt shows a tracking number and an access token
    wait.until(d -> !d.findElement(By.id("receipt-number")).getText().isBlank());
    String trackingNumber = browser.findElement(By.id("receipt-number")).getText();
    String token = browser.findElement(By.id("receipt-token")).getText();
    assertThat(trackingNumber).matches("[2-9A-Z]{3}-[2-9A-Z]{3}-[2-9A-Z]{3}");

    // AND a photo attached from the phone goes straight to the private bucket
    Path photo = Files.createTempFile("site-photo", ".png");
    Files.write(photo, Base64.getDecoder().decode(PNG_1X1));
    browser.findElement(By.id("photos")).sendKeys(photo.toString());
    wait.until(d -> d.findElement(By.id("photo-message")).getText().startsWith("已上传"));
    assertThat(browser.findElement(By.id("photo-message")).getText()).isEqualTo("已上传 1 个文件");

    // AND the complaint is stored: its status reads back through the API with the shown token
    HttpResponse<String> status =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(backend.baseUrl() + "/complaints/" + trackingNumber))
                    .header("x-access-token", token)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(status.statusCode()).isEqualTo(200);
    JsonNode view = Json.mapper().readTree(status.body());
    assertThat(view.path("kind").asText()).isEqualTo("DIFFICULTY");
    assertThat(view.path("subject").asText()).isEqualTo("浏阳经开区 用电报装");
    assertThat(
            backend
                .cloud()
                .s3Client()
                .listObjectsV2(r -> r.bucket(LocalCloud.bucketName("AttachmentsBucket")))
                .contents())
        .hasSize(1);
  }
}
