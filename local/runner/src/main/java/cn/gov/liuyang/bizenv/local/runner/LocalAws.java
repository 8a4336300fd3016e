package cn.gov.liuyang.bizenv.local.runner;

import cn.gov.liuyang.bizenv.local.cloud.LocalCredentials;

/** The made-up account the local stack pretends to run in (ARNs and event fields need one). */
public final class LocalAws {
  public static final String ACCOUNT_ID = "000000000000";
  public static final String REGION = LocalCredentials.DEFAULT.region();

  private LocalAws() {}
}
