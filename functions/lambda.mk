# Shared by functions/*/Makefile: `sam build` (Metadata: BuildMethod: makefile) runs
#   make --makefile functions/<module>/Makefile build-<LogicalId>   with ARTIFACTS_DIR set,
# in a scratch copy of the module directory. This builds the module's shaded jar with Maven from the
# repository root (the multi-module build SAM's own Maven builder cannot do) and unpacks it into
# ARTIFACTS_DIR, which SAM zips as the function's code: classes at the root, as Lambda unpacks a jar.
#
# BIZENV_SAM_PREBUILT=1 skips Maven and unpacks the jar already in functions/<module>/target (after
# `mvn package` or `mvn verify`; bin/test uses it). Without it every function runs Maven, as SAM users expect.

ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST)))..)
MODULE := functions/$(notdir $(abspath $(dir $(firstword $(MAKEFILE_LIST)))))
JAR := $(ROOT)/$(MODULE)/target/$(notdir $(MODULE))-lambda.jar
MVN ?= mvn

.PHONY: lambda-artifacts
lambda-artifacts:
	@test -n "$(ARTIFACTS_DIR)" || { echo "ARTIFACTS_DIR is not set (sam build sets it)" >&2; exit 1; }
ifeq ($(BIZENV_SAM_PREBUILT),1)
	@test -f "$(JAR)" || { echo "$(JAR) is missing: run mvn package first, or unset BIZENV_SAM_PREBUILT" >&2; exit 1; }
else
	$(MVN) -B -ntp -q -f "$(ROOT)/pom.xml" -pl $(MODULE) -am package -DskipTests
endif
	rm -rf "$(ARTIFACTS_DIR)"/*
	cd "$(ARTIFACTS_DIR)" && jar xf "$(JAR)"
