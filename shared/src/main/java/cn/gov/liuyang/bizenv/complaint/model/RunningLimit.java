package cn.gov.liuyang.bizenv.complaint.model;

import java.time.LocalDate;

/**
 * The working-day limit a complaint's current step runs under, and the day its working days are
 * counted from (the day of the step that started it).
 */
public record RunningLimit(TimeLimit limit, LocalDate countedFrom) {}
