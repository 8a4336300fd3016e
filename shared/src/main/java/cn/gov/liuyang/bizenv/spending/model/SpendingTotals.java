package cn.gov.liuyang.bizenv.spending.model;

import cn.gov.liuyang.bizenv.common.Money;

/** The identities the report relies on, as computed from a submission's lines. */
public record SpendingTotals(
    Money total,
    Money basic,
    Money personnel,
    Money publicOperating,
    Money project,
    Money sanGong,
    int projects,
    int economicItems) {}
