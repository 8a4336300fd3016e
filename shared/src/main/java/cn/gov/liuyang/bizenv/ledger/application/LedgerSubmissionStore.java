package cn.gov.liuyang.bizenv.ledger.application;

import cn.gov.liuyang.bizenv.ledger.model.LedgerOutcome;
import cn.gov.liuyang.bizenv.ledger.model.LedgerSubmission;
import cn.gov.liuyang.bizenv.spending.application.DeliveryLeases;
import cn.gov.liuyang.bizenv.spending.model.SubmissionId;
import cn.gov.liuyang.bizenv.spending.model.SubmissionStatus;
import java.util.Optional;

/** Ledger submissions: requested, claimed by one delivery at a time, concluded. */
public interface LedgerSubmissionStore extends DeliveryLeases {
  void create(LedgerSubmission submission);

  Optional<LedgerSubmission> find(SubmissionId id);

  /** Records the outcome, if the submission is still being processed for that object. */
  void recordOutcome(
      SubmissionId id, String objectVersion, SubmissionStatus status, LedgerOutcome outcome);
}
