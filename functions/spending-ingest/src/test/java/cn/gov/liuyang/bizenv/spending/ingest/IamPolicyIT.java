package cn.gov.liuyang.bizenv.spending.ingest;

import cn.gov.liuyang.bizenv.local.cloud.IamPolicyCheck;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after this module's other integration tests (failsafe orders classes by {@code @Order}):
 * template.yaml grants these functions every AWS action they performed against the emulators, on
 * those tables, indexes and buckets, and nothing they never used (docs/security.md, Least
 * privilege). Both functions: these tests drive the upload routes through whole imports.
 */
@Order(Integer.MAX_VALUE)
class IamPolicyIT {
  @Test
  void templateYaml_grantsWhatTheFunctionsDid_andNothingElse() {
    IamPolicyCheck.verify("SpendingUploadsFunction", "SpendingIngestFunction");
  }
}
