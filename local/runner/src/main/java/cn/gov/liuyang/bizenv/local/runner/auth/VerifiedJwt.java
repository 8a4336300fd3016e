package cn.gov.liuyang.bizenv.local.runner.auth;

import java.util.List;
import java.util.Map;

/**
 * What API Gateway's JWT authorizer passes to the function: every claim as a string, and the scopes
 * (null when the token has none, as in AWS).
 */
public record VerifiedJwt(Map<String, String> claims, List<String> scopes) {}
