# Emulator throughput with wrk (authenticated GET, keep-alive) -> printed; figures kept in bench/RESULTS.md.
BENCH_TARGETS += bench-emulator

.PHONY: bench-emulator
bench-emulator: build
	@command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
	bash bench/emulator/run.sh 10s 50 1
