package cn.gov.liuyang.bizenv.complaint.application;

import cn.gov.liuyang.bizenv.complaint.model.AccessToken;
import cn.gov.liuyang.bizenv.complaint.model.Complaint;

/** What the complainant gets back: the stored complaint and, once only, the token in clear. */
public record FiledComplaint(Complaint complaint, AccessToken accessToken) {}
