"""What template.yaml promises about staff sign-in and the static sites (bin/test, docs/deploy.md).

cfn-lint says the template is valid; these say it keeps the properties people rely on: nobody signs
up, nobody gives themselves a unit, the console holds no secret, the sites' bucket is private.
Run with the project's venv (the SAM CLI's YAML reader): .venv/bin/python -m unittest ...
"""

import pathlib
import unittest

from samcli.yamlhelper import yaml_parse

ROOT = pathlib.Path(__file__).resolve().parent.parent
TEMPLATE = yaml_parse((ROOT / "template.yaml").read_text(encoding="utf-8"))
RESOURCES = TEMPLATE["Resources"]


def of_type(kind):
    return {name: r for name, r in RESOURCES.items() if r["Type"] == kind}


def only(kind):
    found = of_type(kind)
    assert len(found) == 1, f"expected one {kind}, found {sorted(found)}"
    return next(iter(found.values()))


def site_origin_in(value):
    """Whether an intrinsic expression names the stack's own site (custom domain or distribution)."""
    text = repr(value)
    return "https://${WebDomainName}" in text and "https://${WebDistribution.DomainName}" in text


class SignInTest(unittest.TestCase):
    def test_onlyAnAdministratorCreatesStaffAccounts_withAStrongPasswordAndOptionalTotp(self):
        pool = only("AWS::Cognito::UserPool")["Properties"]
        self.assertIs(pool["AdminCreateUserConfig"]["AllowAdminCreateUserOnly"], True)
        password = pool["Policies"]["PasswordPolicy"]
        self.assertGreaterEqual(password["MinimumLength"], 12)
        for kind in ("RequireLowercase", "RequireUppercase", "RequireNumbers", "RequireSymbols"):
            self.assertIs(password[kind], True, kind)
        self.assertEqual(pool["MfaConfiguration"], "OPTIONAL")
        self.assertEqual(pool["EnabledMfas"], ["SOFTWARE_TOKEN_MFA"])

    def test_theGroupsTheFunctionsCheckExist(self):
        groups = {g["Properties"]["GroupName"] for g in of_type("AWS::Cognito::UserPoolGroup").values()}
        self.assertEqual(groups, {"complaint-officer", "finance", "evaluation", "supervisor"})

    def test_theConsoleIsAPublicClientWithCodeFlowOnlyAndShortLivedTokens(self):
        client = only("AWS::Cognito::UserPoolClient")["Properties"]
        self.assertIs(client["GenerateSecret"], False)
        self.assertEqual(client["AllowedOAuthFlows"], ["code"])
        self.assertNotIn("ALLOW_USER_PASSWORD_AUTH", client.get("ExplicitAuthFlows", []))
        units = client["TokenValidityUnits"]
        self.assertEqual((units["AccessToken"], units["IdToken"]), ("minutes", "minutes"))
        self.assertLessEqual(client["AccessTokenValidity"], 60)
        self.assertLessEqual(client["IdTokenValidity"], 60)
        self.assertTrue(all(site_origin_in(url) for url in client["CallbackURLs"]))

    def test_aPersonCanReadButNotWriteTheUnitsTheyMayActFor(self):
        client = only("AWS::Cognito::UserPoolClient")["Properties"]
        self.assertIn("custom:units", client["ReadAttributes"])
        self.assertNotIn("custom:units", client["WriteAttributes"])
        self.assertNotIn("email", client["WriteAttributes"])
        pool = only("AWS::Cognito::UserPool")["Properties"]
        self.assertIn("units", [a["Name"] for a in pool["Schema"]])

    def test_theApiAcceptsThePoolsTokensUnlessTheDeployerNamesAnotherProvider(self):
        jwt = RESOURCES["HttpApi"]["Properties"]["Auth"]["Authorizers"]["StaffJwt"]["JwtConfiguration"]
        condition, pool_issuer, other_issuer = jwt["issuer"]["Fn::If"]
        self.assertEqual(condition, "CreateUserPool")
        self.assertIn("${StaffUserPool}", repr(pool_issuer))
        self.assertEqual(other_issuer, {"Ref": "StaffJwtIssuer"})
        self.assertEqual(jwt["audience"][0]["Fn::If"],
                         ["CreateUserPool", {"Ref": "StaffConsoleClient"}, {"Ref": "StaffJwtAudience"}])
        for resource in of_type("AWS::Cognito::UserPool").values():
            self.assertEqual(resource["Condition"], "CreateUserPool")


class SitesTest(unittest.TestCase):
    def test_theSitesBucketIsPrivateAndReadOnlyByTheDistribution(self):
        bucket = RESOURCES["WebBucket"]["Properties"]
        self.assertEqual(set(bucket["PublicAccessBlockConfiguration"].values()), {True})
        policy = RESOURCES["WebBucketPolicy"]["Properties"]["PolicyDocument"]["Statement"]
        china, elsewhere = policy[0]["Fn::If"][1:]
        self.assertEqual(elsewhere["Principal"], {"Service": "cloudfront.amazonaws.com"})
        self.assertIn("${WebDistribution}", repr(elsewhere["Condition"]))
        self.assertIn("WebOriginAccessIdentity", repr(china["Principal"]))
        for statement in (china, elsewhere):
            self.assertEqual(statement["Action"], "s3:GetObject")
        self.assertEqual(policy[1]["Sid"], "TlsOnly")

    def test_theDistributionServesHttpsOnly(self):
        config = RESOURCES["WebDistribution"]["Properties"]["DistributionConfig"]
        self.assertIn(config["DefaultCacheBehavior"]["ViewerProtocolPolicy"],
                      ("redirect-to-https", "https-only"))
        self.assertEqual(config["DefaultCacheBehavior"]["AllowedMethods"], ["GET", "HEAD"])

    def test_theApiAndTheSignedUploadBucketsAllowTheSitesOrigin(self):
        condition, more, only_site = RESOURCES["HttpApi"]["Properties"]["CorsConfiguration"]["Fn::If"]
        self.assertEqual(condition, "HasMoreOrigins")
        for branch in (more, only_site):
            self.assertTrue(site_origin_in(branch["AllowOrigins"]))
            self.assertNotIn("'*'", repr(branch["AllowOrigins"]))
        # SAM reads an intrinsic AllowOrigins as the whole configuration: each branch is complete
        self.assertIsInstance(only_site["AllowOrigins"], list)
        self.assertEqual({k: v for k, v in more.items() if k != "AllowOrigins"},
                         {k: v for k, v in only_site.items() if k != "AllowOrigins"})
        self.assertIn("AllowHeaders", only_site)
        for bucket in ("AttachmentsBucket", "UploadsBucket"):
            rules = RESOURCES[bucket]["Properties"]["CorsConfiguration"]["CorsRules"]
            self.assertTrue(any(site_origin_in(r["AllowedOrigins"]) for r in rules), bucket)


if __name__ == "__main__":
    unittest.main()
