package cn.gov.liuyang.bizenv.complaint.model;

/** Who to call back about a named complaint. */
public record Contact(PersonName name, MobileNumber phone) {}
