# shufa — two commands do everything on a fresh Debian machine with Swift:
#   make run    build every document for the bundled sample roster into output/
#   make test   run the test suite (installs LibreOffice, CJK fonts, poppler and Chromium on first use)

SWIFT ?= swift

.PHONY: run test bench load-desk setup setup-build clean

setup-build:
	@bash scripts/setup.sh build

setup:
	@bash scripts/setup.sh full

run: setup
	$(SWIFT) run shufa build samples/roster.json --out output --format both

test: setup
	$(SWIFT) test

# Built as shufa is deployed: the Swift runtime linked in (README, Performance).
bench: setup-build
	$(SWIFT) build -c release --static-swift-stdlib --product shufa
	$(SWIFT) build -c release --static-swift-stdlib --product shufa-bench
	.build/release/shufa-bench

# 50 leaders returning their reports to `shufa serve` at once, on loopback (docs/serve.md).
load-desk: setup
	$(SWIFT) build -c release --product shufa
	/usr/bin/python3 scripts/load-desk.py --leaders 50 --shufa .build/release/shufa

clean:
	rm -rf .build output/*/ output/summary.json
