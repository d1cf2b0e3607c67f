# Faithfulness check: the official `opentok` packages (PyPI, npm), installed into target/peers only,
# drive every operation they support against the emulator (tests/peers/README.md).
TEST_TARGETS += test-peers

.PHONY: test-peers
test-peers: build
	bash tests/peers/run.sh
