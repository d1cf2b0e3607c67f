# Kotlin and Swift packages through UniFFI (crate bindings/uniffi, packages kotlin/ and swift/).
#   make test-kotlin   generate the Kotlin bindings from the built cdylib, then `mvn -B test` (JUnit 5)
#   make test-swift    regenerate the Swift bindings and run the shape check (no Swift toolchain here)
#   make demo-kotlin   kotlin/examples/Quickstart.kt against a fresh emulator (or the real API when
#                      OPENTOK_API_KEY and OPENTOK_API_SECRET are set)

UNIFFI_LIB     := $(ROOT)/target/release/libopentok_uniffi.so
UNIFFI_BINDGEN := $(ROOT)/target/release/uniffi-bindgen
KOTLIN_GEN     := $(ROOT)/kotlin/target/generated-sources/uniffi
SWIFT_GEN_TMP  := $(ROOT)/target/uniffi-swift
MVN            ?= mvn

DEPS_TARGETS += deps-kotlin
TEST_TARGETS += test-kotlin test-swift
DEMO_TARGETS += demo-kotlin

.PHONY: deps-kotlin uniffi-kotlin uniffi-swift test-kotlin test-swift demo-kotlin

# JDK 17 + Maven; Maven downloads kotlin-maven-plugin, surefire and the dependencies from Central.
deps-kotlin:
	@command -v java >/dev/null && command -v $(MVN) >/dev/null || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jdk-headless maven)

uniffi-kotlin: build
	rm -rf $(KOTLIN_GEN)
	$(UNIFFI_BINDGEN) generate --library $(UNIFFI_LIB) --language kotlin --out-dir $(KOTLIN_GEN) --no-format

test-kotlin: uniffi-kotlin
	cd kotlin && $(MVN) -B -Dstyle.color=never test -Djna.library.path=$(ROOT)/target/release

# Regenerates into a scratch dir, refreshes swift/ from it, and checks the package's shape.
uniffi-swift: build
	rm -rf $(SWIFT_GEN_TMP)
	$(UNIFFI_BINDGEN) generate --library $(UNIFFI_LIB) --language swift --out-dir $(SWIFT_GEN_TMP) --no-format
	python3 swift/scripts/sync_generated.py $(SWIFT_GEN_TMP)

test-swift: uniffi-swift
	python3 swift/scripts/check_shape.py

demo-kotlin: uniffi-kotlin
	cd kotlin && $(MVN) -B -q -Dstyle.color=never test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/classpath.txt
	cd kotlin && java -Djna.library.path=$(ROOT)/target/release \
	  -cp target/classes:target/test-classes:$$(cat target/classpath.txt) com.opentokrs.examples.QuickstartKt
