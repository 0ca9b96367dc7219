#!/usr/bin/env bash
# Builds pg_dump / pg_restore of PostgreSQL 17.11 from Debian's source tarball,
# for the backup/restore test against the embedded PostgreSQL 17 server
# (Debian 12 only ships pg_dump 15, which refuses to dump a 17 server, and
# trixie's postgresql-client-17 .deb needs glibc 2.38).
#
# Usage: pg-client-17.sh [DEST]   (default: $HOME/.cache/emall/pg-client-17)
# Result: DEST/bin/pg_dump and DEST/bin/pg_restore (libpq in DEST/lib, found
# via RUNPATH, so no LD_LIBRARY_PATH is needed).
# Progress goes to stderr; the last line on stdout is the bin directory.
# Idempotent: returns immediately when DEST/bin already holds 17.11 binaries.
#
# Needs only curl, tar, bzip2, gcc, make and perl (no bison/flex: see below).
set -euo pipefail

PG_VERSION=17.11
TARBALL=postgresql-17_${PG_VERSION}.orig.tar.bz2
URL=http://deb.debian.org/debian/pool/main/p/postgresql-17/${TARBALL}
# From Checksums-Sha256 of postgresql-17_17.11-0+deb13u1.dsc (same pool directory).
SHA256=dd27f2b3c59e73ed14aa3324901242bf69a032a6347805f274e6260322d42979

DEST=${1:-${HOME}/.cache/emall/pg-client-17}
log() { echo "pg-client-17: $*" >&2; }

is_built() {
    local tool
    for tool in pg_dump pg_restore; do
        [[ -x "$DEST/bin/$tool" ]] || return 1
        # Run with a clean environment, as a fresh shell would.
        local v
        v=$(env -u LD_LIBRARY_PATH "$DEST/bin/$tool" --version 2>/dev/null) || return 1
        [[ "$v" == *" ${PG_VERSION}" ]] || return 1
    done
}

if is_built; then
    log "already built: $DEST/bin/pg_dump ($("$DEST/bin/pg_dump" --version))"
    echo "$DEST/bin"
    exit 0
fi

mkdir -p "$DEST"
DEST=$(cd "$DEST" && pwd)   # absolute, for --prefix and the rpath

# Serialise concurrent runs (e.g. parallel test forks) on the same DEST.
exec 9>"$DEST/.lock"
flock 9
if is_built; then   # another run finished it while we waited
    echo "$DEST/bin"
    exit 0
fi

WORK=$(mktemp -d "$DEST/build.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

log "downloading $URL"
curl -fsSL --retry 3 -o "$WORK/$TARBALL" "$URL"
echo "$SHA256  $WORK/$TARBALL" | sha256sum -c --quiet - >&2 \
    || { log "SHA-256 mismatch for $TARBALL"; exit 1; }
log "checksum OK ($SHA256)"

log "extracting"
tar -xjf "$WORK/$TARBALL" -C "$WORK"
SRC=$WORK/postgresql-$PG_VERSION

# PostgreSQL 17 tarballs no longer ship bison/flex output, and configure insists
# on both tools, although pg_dump/pg_restore need neither. Hand configure a stub
# that only answers --version and fails loudly if the build ever really calls it.
mkdir -p "$WORK/stub"
cat > "$WORK/stub/no-parser-generator" <<'EOF'
#!/bin/sh
if [ "$1" = "--version" ]; then echo "bison (GNU Bison) 3.8.2 [stub]"; exit 0; fi
echo "no-parser-generator: bison/flex is not available (called with: $*)" >&2
exit 1
EOF
chmod +x "$WORK/stub/no-parser-generator"
# Stand-ins for the bison/flex outputs that make would otherwise try to generate:
#  - src/backend/{parser/gram,utils/adt/jsonpath_gram}.{c,h}: asked for by the
#    generated-headers step every frontend build runs first; only backend code
#    includes them.
#  - src/fe_utils/psqlscan.c: psql's lexer, an object in libpgfeutils.a that
#    pg_dump/pg_restore never link (the link would fail if they did).
# Created after extraction, so they are newer than the .y/.l sources.
stub_generated() {
    local f
    for f in "$@"; do
        printf '/* stub by pg-client-17.sh: not needed for pg_dump/pg_restore */\ntypedef int pg_client_17_stub;\n' \
            > "$SRC/$f"
    done
}
stub_generated src/backend/parser/gram.c src/backend/utils/adt/jsonpath_gram.c src/fe_utils/psqlscan.c
sleep 1   # the .h files must be no older than their .c ("gram.h: gram.c ; touch $@")
stub_generated src/backend/parser/gram.h src/backend/utils/adt/jsonpath_gram.h

CONFIGURE_FLAGS=(
    --prefix="$DEST"
    --enable-rpath          # default; RUNPATH=$DEST/lib, so libpq is found without LD_LIBRARY_PATH
    --without-icu
    --without-readline
    --without-openssl       # SCRAM works without it; the embedded server is reached over localhost
    --without-lz4
    --without-zstd
    --disable-nls
)
if [[ -f /usr/include/zlib.h ]]; then
    CONFIGURE_FLAGS+=(--with-zlib)     # compressed custom-format dumps
else
    CONFIGURE_FLAGS+=(--without-zlib)
fi

log "configure ${CONFIGURE_FLAGS[*]}"
(
    cd "$SRC"
    BISON="$WORK/stub/no-parser-generator" FLEX="$WORK/stub/no-parser-generator" \
        nice ./configure "${CONFIGURE_FLAGS[@]}" > "$WORK/configure.log" 2>&1
) || { log "configure failed; last lines of its log:"; tail -n 40 "$WORK/configure.log" >&2; exit 1; }

log "building libpq, pg_dump and pg_restore (make -j2)"
build() {
    nice make -C "$SRC/src/interfaces/libpq" -j2 install \
        && nice make -C "$SRC/src/bin/pg_dump" -j2 install   # last: its install marks completion
}
build > "$WORK/build.log" 2>&1 \
    || { log "build failed; last lines of its log:"; tail -n 40 "$WORK/build.log" >&2; exit 1; }

if ! is_built; then
    log "build finished but $DEST/bin/pg_dump does not report $PG_VERSION"
    exit 1
fi
log "built: $("$DEST/bin/pg_dump" --version), $("$DEST/bin/pg_restore" --version)"
echo "$DEST/bin"
