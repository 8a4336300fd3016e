package cn.gov.liuyang.bizenv.local.runner;

import java.net.URI;

/** The copy-paste request that {@code bin/start} prints: the one place to change it. */
public final class TryItExample {
  public static final String METHOD = "POST";
  public static final String PATH = "/complaints";
  public static final String BODY =
      "{\"kind\":\"COMPLAINT\",\"subject\":\"市场监管局\","
          + "\"description\":\"办理营业执照变更时被要求重复提交材料\","
          + "\"contactName\":\"张三\",\"contactPhone\":\"13800138000\",\"consent\":true}";

  private TryItExample() {}

  public static String curl(URI baseUrl) {
    return "curl -sS -X "
        + METHOD
        + " "
        + baseUrl
        + PATH
        + " -H 'content-type: application/json' -d '"
        + BODY
        + "'";
  }
}
