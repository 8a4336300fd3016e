package cn.gov.liuyang.bizenv.complaint.intake;

import cn.gov.liuyang.bizenv.complaint.application.FileComplaintCommand;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintKind;
import cn.gov.liuyang.bizenv.complaint.model.Contact;
import cn.gov.liuyang.bizenv.complaint.model.CreditCode;
import cn.gov.liuyang.bizenv.complaint.model.Enterprise;
import cn.gov.liuyang.bizenv.complaint.model.MobileNumber;
import cn.gov.liuyang.bizenv.complaint.model.PersonName;
import cn.gov.liuyang.bizenv.http.ApiProblem;
import cn.gov.liuyang.bizenv.http.HttpApiEvent;
import cn.gov.liuyang.bizenv.http.JsonBody;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads {@code POST /complaints} into a command, listing every problem at once. */
final class FileComplaintRequest {
  /** 4000 characters of Chinese are 12 KB of UTF-8; the rest of the form is small. */
  static final int MAX_BODY_BYTES = 32 * 1024;

  static final int MAX_DESCRIPTION = 4000;
  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{8,128}");

  private FileComplaintRequest() {}

  /**
   * The {@code Idempotency-Key} header, when sent: 8 to 128 visible ASCII characters, or 400 {@code
   * IDEMPOTENCY_KEY_INVALID} (never dropped in silence, which would let a retry file twice). One
   * rule for both ways of filing ({@code POST /complaints} and Open311).
   */
  static Optional<String> idempotencyKey(HttpApiEvent event) {
    Optional<String> idempotencyKey = event.header("idempotency-key");
    if (idempotencyKey.isPresent() && !IDEMPOTENCY_KEY.matcher(idempotencyKey.get()).matches()) {
      throw ApiProblem.badRequest(
          "IDEMPOTENCY_KEY_INVALID", "Idempotency-Key 应为 8 到 128 个可见 ASCII 字符（建议使用 UUID）");
    }
    return idempotencyKey;
  }

  static FileComplaintCommand read(HttpApiEvent event) {
    Optional<String> idempotencyKey = idempotencyKey(event);
    JsonBody body = JsonBody.parse(event, MAX_BODY_BYTES);
    ComplaintKind kind =
        body.requiredValue(
            "kind", "诉求类别", 20, ComplaintKind::parse, "KIND_UNKNOWN", "诉求类别应为 投诉、举报、意见建议 或 困难诉求");
    String subject = body.requiredText("subject", "涉及的部门或事项", 200);
    String description = body.requiredText("description", "问题描述", MAX_DESCRIPTION);
    Optional<String> enterpriseName = body.optionalText("enterpriseName", "企业名称", 200);
    Optional<CreditCode> creditCode =
        body.optionalValue(
            "creditCode",
            "统一社会信用代码",
            40,
            CreditCode::parse,
            "CREDIT_CODE_INVALID",
            "统一社会信用代码应为 18 位，请核对（最后一位校验码不符）");
    boolean anonymous = body.optionalBoolean("anonymous", "是否匿名").orElse(false);
    Optional<Contact> contact = anonymous ? Optional.empty() : contact(body);
    Optional<Boolean> consent = body.optionalBoolean("consent", "同意个人信息处理说明");
    if (!body.has("consent")) {
      body.reject("consent", "CONSENT_REQUIRED", "请阅读并同意个人信息处理说明");
    } else if (consent.isPresent() && !consent.get()) {
      body.reject("consent", "CONSENT_REQUIRED", "需要您同意个人信息处理说明后才能提交");
    }
    body.throwIfInvalid();
    return new FileComplaintCommand(
        kind,
        subject,
        description,
        new Enterprise(enterpriseName, creditCode),
        contact,
        idempotencyKey);
  }

  /** Name and mobile number, both required for a named complaint. */
  private static Optional<Contact> contact(JsonBody body) {
    String name = body.requiredText("contactName", "联系人姓名", 50);
    MobileNumber phone =
        body.requiredValue(
            "contactPhone",
            "手机号码",
            20,
            MobileNumber::parse,
            "PHONE_INVALID",
            "手机号码应为 11 位中国大陆手机号，如 13812345678");
    return name == null || phone == null
        ? Optional.empty()
        : Optional.of(new Contact(new PersonName(name), phone));
  }
}
