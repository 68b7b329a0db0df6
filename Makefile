# annal - developer console.
#
#   make run      set up, build, and run annal on the bundled examples
#   make test     set up, build, and run every test (plain, clang, ASan+UBSan)
#   make bench    throughput benchmarks (not part of test)
#   make eval-actors  actor codes against the PLOVER gold standard (../shared)
#   make regen    regenerate src/text/scan.c from scan.re with re2c
#
# Builds go to $(BUILD) (default build/); `make BUILD=build/x CC=clang`
# makes an independent tree.  Generated C is committed; re2c is only needed
# for `make regen`.

BUILD ?= build
CC ?= cc
OPT ?= -O3 -g
SANITIZE ?=
CSTD := -std=c11
WARN := -Wall -Wextra -Werror -Wstrict-prototypes -Wmissing-prototypes \
        -Wredundant-decls -Wshadow -Wpointer-arith -Wvla
CPPFLAGS := -Iinclude -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
ALL_CFLAGS = $(CSTD) $(WARN) $(OPT) $(SANITIZE) -fvisibility=hidden $(CFLAGS)
LIBS := -lzstd -lcjson -lutf8proc -lz -lm -lpthread
ALL_LDFLAGS = $(SANITIZE) $(LDFLAGS)

LIB_SRC := $(sort $(wildcard src/core/*.c src/read/*.c src/text/*.c src/lex/*.c \
             src/dict/*.c src/extract/*.c src/actors/*.c src/pipeline/*.c))
CLI_SRC := $(sort $(wildcard src/cli/*.c))
UNIT_SRC := $(sort $(wildcard test/unit/*.c))

LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
UNIT_OBJ := $(UNIT_SRC:%.c=$(BUILD)/obj/%.o)
DEPS := $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(UNIT_OBJ:.o=.d)

DATA := $(sort $(wildcard data/en/*.txt data/en/lexicon/*.txt data/en/actors/*.txt \
          data/en/actors/people/*.txt data/cameo/*.txt))
WORDNET ?= /usr/share/wordnet
ISO_CODES ?= /usr/share/iso-codes/json

.PHONY: all setup run test check check-asan check-clang check-valgrind bench regen clean fuzz \
        eval-actors

all: $(BUILD)/annal $(BUILD)/annal.dict

setup:
	@sh scripts/setup.sh

# The compiler and flags of the last build: objects are rebuilt when they
# change (`make OPT=-O0` after `make`, say).
FLAGS_STAMP := $(BUILD)/flags
FLAGS_NOW := $(CC) $(CPPFLAGS) $(ALL_CFLAGS)
$(shell mkdir -p $(BUILD) && { [ "$$(cat $(FLAGS_STAMP) 2>/dev/null)" = '$(FLAGS_NOW)' ] || \
        printf '%s\n' '$(FLAGS_NOW)' > $(FLAGS_STAMP); })

$(BUILD)/obj/%.o: %.c $(FLAGS_STAMP)
	@mkdir -p $(dir $@)
	@echo "CC $<"
	@$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

# The generated scanner is large; -O1 keeps compile time low at no cost.
$(BUILD)/obj/src/text/scan.o: OPT := $(filter-out -O2 -O3,$(OPT)) -O1

$(BUILD)/libannal.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/annal: $(CLI_OBJ) $(BUILD)/libannal.a
	$(CC) $(ALL_LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libannal.a $(LIBS)

$(BUILD)/annal.dict: $(BUILD)/annal $(DATA)
	$(BUILD)/annal dict build --wordnet $(WORDNET) --iso-codes $(ISO_CODES) --data data/en \
	  --cameo data/cameo/events.txt --output $@

$(BUILD)/test/unit: $(UNIT_OBJ) $(BUILD)/libannal.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_LDFLAGS) -o $@ $(UNIT_OBJ) $(BUILD)/libannal.a $(LIBS)

$(BUILD)/test/spec: $(BUILD)/obj/test/spec_runner.o $(BUILD)/libannal.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(BUILD)/libannal.a $(LIBS)

$(BUILD)/test/gen_patho: $(BUILD)/obj/test/pathological/gen_patho.o
	@mkdir -p $(dir $@)
	$(CC) $(ALL_LDFLAGS) -o $@ $<

run: setup all
	@for f in examples/*.txt; do \
	  echo "=== $$f"; \
	  $(BUILD)/annal dump sentences $$f && $(BUILD)/annal dump dates $$f && \
	  $(BUILD)/annal dump numbers $$f && $(BUILD)/annal dump actors $$f || exit 1; \
	done

# The test suites against the tree in $(BUILD).
check: all $(BUILD)/test/unit $(BUILD)/test/spec $(BUILD)/test/gen_patho
	ANNAL_DICT=$(BUILD)/annal.dict $(BUILD)/test/unit
	ANNAL_DICT=$(BUILD)/annal.dict $(BUILD)/test/spec test/spec/*.md
	sh test/cli/run.sh $(BUILD)
	sh test/pathological/run.sh $(BUILD)

check-asan:
	$(MAKE) BUILD=build/asan CC=clang OPT="-O1 -g -fno-omit-frame-pointer" \
	  SANITIZE="-fsanitize=address,undefined -fno-sanitize-recover=all" check

check-clang:
	$(MAKE) BUILD=build/clang CC=clang all

# Memcheck sees what ASan cannot: reads of uninitialised memory, and bad
# reads inside uninstrumented libraries (zlib, libc).
VALGRIND := valgrind -q --error-exitcode=9 --leak-check=full --errors-for-leak-kinds=definite
check-valgrind: all $(BUILD)/test/unit $(BUILD)/test/spec
	ANNAL_DICT=$(BUILD)/annal.dict $(VALGRIND) $(BUILD)/test/unit
	ANNAL_DICT=$(BUILD)/annal.dict $(VALGRIND) $(BUILD)/test/spec test/spec/*.md

test: setup
	$(MAKE) check
	$(MAKE) check-valgrind
	$(MAKE) check-clang
	$(MAKE) check-asan

bench: setup all
	sh bench/run.sh $(BUILD)

# Actor coding against the PLOVER gold standard in ../shared (docs/accuracy.md).
eval-actors: setup all
	sh eval/actors.sh $(BUILD)

# libFuzzer targets (clang; not part of test): `make fuzz FUZZ_SECONDS=300`
FUZZ_SECONDS ?= 60
fuzz: all
	sh fuzz/run.sh $(FUZZ_SECONDS)

regen:
	re2c -W -Werror --utf8 src/text/scan.re -o src/text/scan.c

clean:
	rm -rf build

-include $(DEPS)
