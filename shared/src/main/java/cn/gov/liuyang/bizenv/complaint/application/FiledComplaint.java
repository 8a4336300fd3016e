package cn.gov.liuyang.bizenv.complaint.application;

import cn.gov.liuyang.bizenv.complaint.model.AccessToken;
import cn.gov.liuyang.bizenv.complaint.model.Complaint;

/**
 * What the complainant gets back: the stored complaint and the token in clear (shown in the 201
 * only).
 *
 * @param replayed true when a retried submission found its complaint already stored
 */
public record FiledComplaint(Complaint complaint, AccessToken accessToken, boolean replayed) {}
