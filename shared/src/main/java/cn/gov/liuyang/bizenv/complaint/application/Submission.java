package cn.gov.liuyang.bizenv.complaint.application;

import cn.gov.liuyang.bizenv.complaint.model.TrackingNumber;
import java.time.Instant;

/**
 * What an Idempotency-Key was first used for: the content's fingerprint, the tracking number the
 * complaint gets, and the salt its access token is derived from. Written before the complaint, so a
 * retry after a crash finishes the same submission.
 *
 * @param keyHash SHA-256 of the Idempotency-Key (the key itself is never stored)
 * @param salt base64 random bytes; with the key they give the access token again
 */
public record Submission(
    String keyHash, String fingerprint, TrackingNumber trackingNumber, String salt, Instant at) {}
