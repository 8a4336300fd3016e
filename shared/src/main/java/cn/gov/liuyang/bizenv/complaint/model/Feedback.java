package cn.gov.liuyang.bizenv.complaint.model;

import java.time.Instant;
import java.util.Optional;

/** The complainant's rating of a closed case (结果满意 / 服务满意). */
public record Feedback(
    boolean satisfiedWithResult,
    boolean satisfiedWithService,
    Optional<String> comment,
    Instant at) {}
