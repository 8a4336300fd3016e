"""bin/publish-web against a fake `aws` command (bin/test): no AWS account, no network.

The fake answers describe-stacks from a canned answer and records every other call, so the tests
see the settings the console would get and exactly what would be uploaded, with which headers.
Run: python3 -m unittest discover -s tools -p 'test_*.py'
"""

import json
import os
import pathlib
import subprocess
import sys
import tempfile
import textwrap
import unittest

ROOT = pathlib.Path(__file__).resolve().parent.parent
PUBLISH = ROOT / "bin" / "publish-web"

FAKE_AWS = textwrap.dedent(
    """\
    #!{python}
    import json, os, sys
    args = sys.argv[1:]
    with open(os.environ["FAKE_AWS_LOG"], "a", encoding="utf-8") as log:
        log.write(json.dumps(args) + "\\n")
    if "describe-stacks" in args:
        answer = os.environ["FAKE_AWS_STACKS"]
        if answer == "missing":
            sys.stderr.write("An error occurred (ValidationError): Stack with id x does not exist")
            sys.exit(254)
        sys.stdout.write(open(answer, encoding="utf-8").read())
    elif os.environ.get("FAKE_AWS_FAIL") and os.environ["FAKE_AWS_FAIL"] in args:
        sys.exit(1)
    """
)


def described(outputs):
    """A describe-stacks answer shaped as the AWS CLI prints it."""
    return {
        "Stacks": [
            {
                "StackName": "bizenv-prod",
                "StackStatus": "UPDATE_COMPLETE",
                "Outputs": [
                    {"OutputKey": key, "OutputValue": value, "Description": "…"}
                    for key, value in outputs.items()
                ],
            }
        ]
    }


WITH_COGNITO = {
    "ApiUrl": "https://a1b2c3d4e5.execute-api.ap-east-1.amazonaws.com",
    "SiteUrl": "https://d111111abcdef8.cloudfront.net",
    "ConsoleUrl": "https://d111111abcdef8.cloudfront.net/console/",
    "MobileFormUrl": "https://d111111abcdef8.cloudfront.net/complaint-form/",
    "WebBucketName": "bizenv-prod-web-123456789012",
    "WebDistributionId": "E2QWRUHEXAMPLE",
    "StaffUserPoolId": "ap-east-1_AbCdEf123",
    "StaffConsoleClientId": "4tq2example7clientid0000",
    "StaffSignInDomain": "bizenv-prod-123456789012.auth.ap-east-1.amazoncognito.com",
    "StaffJwtIssuerInUse": "https://cognito-idp.ap-east-1.amazonaws.com/ap-east-1_AbCdEf123",
}

# an external OpenID Connect provider (the China regions): no pool, no client, no sign-in domain
WITH_EXTERNAL_PROVIDER = {
    key: value
    for key, value in WITH_COGNITO.items()
    if key not in ("StaffUserPoolId", "StaffConsoleClientId", "StaffSignInDomain")
}


class PublishWebTest(unittest.TestCase):
    def setUp(self):
        self.dir = pathlib.Path(tempfile.mkdtemp(prefix="publish-web-test-"))
        self.addCleanup(lambda: subprocess.run(["rm", "-rf", str(self.dir)], check=False))
        fake_bin = self.dir / "bin"
        fake_bin.mkdir()
        aws = fake_bin / "aws"
        aws.write_text(FAKE_AWS.format(python=sys.executable), encoding="utf-8")
        aws.chmod(0o755)
        self.log = self.dir / "aws.log"
        self.web = self.dir / "web"
        for path, text in {
            "index.html": "<meta http-equiv=refresh content='0; url=complaint-form/'>",
            "complaint-form/index.html": "<title>投诉举报</title>",
            "console/index.html": "<title>工作台</title>",
            "console/app.mjs": "export const x = 1;",
            "console/style.css": "body{}",
            "console/settings.json": '{"apiBase":"","auth":{"mode":"local"}}',
        }.items():
            (self.web / path).parent.mkdir(parents=True, exist_ok=True)
            (self.web / path).write_text(text, encoding="utf-8")
        self.env = dict(os.environ, PATH=f"{fake_bin}{os.pathsep}{os.environ['PATH']}",
                        FAKE_AWS_LOG=str(self.log))

    def publish(self, outputs, *extra):
        stacks = self.dir / "stacks.json"
        if outputs == "missing":
            self.env["FAKE_AWS_STACKS"] = "missing"
        else:
            stacks.write_text(json.dumps(described(outputs)), encoding="utf-8")
            self.env["FAKE_AWS_STACKS"] = str(stacks)
        self.staged = self.dir / "staged"
        return subprocess.run(
            [sys.executable, str(PUBLISH), "bizenv-prod", "--web", str(self.web),
             "--keep", str(self.staged), *extra],
            env=self.env, capture_output=True, text=True, check=False)

    def calls(self):
        if not self.log.exists():
            return []
        return [json.loads(line) for line in self.log.read_text(encoding="utf-8").splitlines()]

    def uploads(self):
        return [c for c in self.calls() if c[:1] in (["s3"], ["s3api"])]

    def test_writesTheConsoleAndMobileFormSettingsFromTheStackOutputs(self):
        result = self.publish(WITH_COGNITO)

        self.assertEqual(result.returncode, 0, result.stderr)
        settings = json.loads((self.staged / "console" / "settings.json").read_text("utf-8"))
        self.assertEqual(settings, {
            "apiBase": "https://a1b2c3d4e5.execute-api.ap-east-1.amazonaws.com",
            "auth": {
                "mode": "cognito",
                "domain": "bizenv-prod-123456789012.auth.ap-east-1.amazoncognito.com",
                "clientId": "4tq2example7clientid0000",
                "redirectUri": "https://d111111abcdef8.cloudfront.net/console/",
            },
        })
        form = json.loads((self.staged / "complaint-form" / "settings.json").read_text("utf-8"))
        self.assertEqual(form, {"apiBase": "https://a1b2c3d4e5.execute-api.ap-east-1.amazonaws.com"})
        # the repository's local settings stay as they were
        self.assertIn('"mode":"local"', (self.web / "console" / "settings.json").read_text("utf-8"))

    def test_syncsToTheStacksBucketWithNoCacheForPagesAndSettingsAndMinutesForTheRest(self):
        self.publish(WITH_COGNITO, "--region", "ap-east-1")

        syncs = [c for c in self.calls() if c[2:4] == ["s3", "sync"]]
        self.assertEqual(len(syncs), 3)
        for sync in syncs:
            self.assertEqual(sync[:2], ["--region", "ap-east-1"])
            self.assertEqual(sync[4:6], [str(self.staged), "s3://bizenv-prod-web-123456789012/"])
            self.assertIn("--delete", sync)
        assets, modules, pages = syncs
        self.assertEqual(option(assets, "--cache-control"), "public, max-age=300")
        self.assertEqual(excluded(assets), {"*.html", "*.json", "*.mjs", "*.js", "*/"})
        self.assertEqual(included(modules), {"*.mjs", "*.js"})
        self.assertEqual(option(modules, "--content-type"), "text/javascript; charset=utf-8")
        self.assertEqual(included(pages), {"*.html", "*.json"})
        self.assertEqual(option(pages, "--cache-control"), "no-cache")

    def test_storesEachFoldersIndexUnderTheFolderKeySoItsUrlWithASlashWorks(self):
        self.publish(WITH_COGNITO)

        puts = {option(c, "--key"): c for c in self.calls() if "put-object" in c}
        self.assertEqual(set(puts), {"complaint-form/", "console/"})
        console = puts["console/"]
        self.assertEqual(option(console, "--body"), str(self.staged / "console" / "index.html"))
        self.assertEqual(option(console, "--content-type"), "text/html; charset=utf-8")
        self.assertEqual(option(console, "--cache-control"), "no-cache")

    def test_invalidatesTheDistributionAfterEveryUpload(self):
        self.publish(WITH_COGNITO)

        calls = self.calls()
        self.assertEqual(calls[-1], ["cloudfront", "create-invalidation",
                                     "--distribution-id", "E2QWRUHEXAMPLE", "--paths", "/*"])
        self.assertEqual(len(self.uploads()), 5)

    def test_dryRunReadsTheStackAndPrintsTheCommandsButRunsNone(self):
        result = self.publish(WITH_COGNITO, "--dry-run")

        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual([c[:2] for c in self.calls()], [["cloudformation", "describe-stacks"]])
        self.assertIn("create-invalidation", result.stdout)

    def test_aStackWithAnExternalProviderIsRefusedBeforeAnythingIsUploaded(self):
        result = self.publish(WITH_EXTERNAL_PROVIDER)

        self.assertEqual(result.returncode, 1)
        self.assertIn("外部身份提供方", result.stderr)
        self.assertEqual(self.uploads(), [])

    def test_aStackWithoutTheSiteOutputsIsRefusedNamingWhatIsMissing(self):
        result = self.publish({"ApiUrl": WITH_COGNITO["ApiUrl"]})

        self.assertEqual(result.returncode, 1)
        self.assertIn("WebBucketName", result.stderr)
        self.assertEqual(self.uploads(), [])

    def test_anUnknownStackIsReportedWithTheCliError(self):
        result = self.publish("missing")

        self.assertEqual(result.returncode, 1)
        self.assertIn("does not exist", result.stderr)
        self.assertEqual(self.uploads(), [])

    def test_aFailedUploadStopsBeforeTheInvalidation(self):
        self.env["FAKE_AWS_FAIL"] = "put-object"
        result = self.publish(WITH_COGNITO)

        self.assertEqual(result.returncode, 1)
        self.assertIn("s3api put-object", result.stderr)
        self.assertNotIn("cloudfront", [c[0] for c in self.calls()])


def option(call, name):
    return call[call.index(name) + 1]


def excluded(call):
    return {call[i + 1] for i, a in enumerate(call) if a == "--exclude"}


def included(call):
    return {call[i + 1] for i, a in enumerate(call) if a == "--include"}


if __name__ == "__main__":
    unittest.main()
