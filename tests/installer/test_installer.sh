#!/usr/bin/env bash
# The installer test (issue 9): builds the packages (joxai-server for servers, joxai, the staff
# console, for desks), signs them with a throwaway OpenPGP key, verifies them, flips one byte and
# sees verification fail (the SHA256SUMS route and the .deb's own signature), runs lintian,
# installs the server .deb into a throwaway root and starts the installed joxai-server there on a
# free loopback port until /health answers; then upgrade, remove, purge. Then the console .deb
# alone in the same root: its desktop entry, icons and AppStream metainfo validated where they
# were installed, `joxai --version`, and its embedded server answering /health without joxai-server.
#
# Usage: tests/installer/test_installer.sh [BUILD_DIR]
#   BUILD_DIR  an already configured build (ctest passes its own). Only joxai-server and the
#              installer's generated files (and joxai) are brought up to date there (a no-op after a full build;
#              it never reconfigures); cpack then writes the packages into this test's temporary
#              folder, not into the build. Packages from a RelWithDebInfo build are stripped by CPack,
#              so they match a Release build's.
#   without it, a Release build in $JOXAI_BUILD_DIR or build/release (the one start.sh uses).
#
# The throwaway root is an overlay of / (writes go to a tmpfs) entered with chroot: apt then
# runs the real maintainer scripts against a real dpkg database that already knows the Qt
# packages, without touching this machine. That needs root (mount, chroot); as another user the
# test fails with a clear message. Where overlayfs cannot be mounted, the test falls back to extracting
# the .deb (dpkg-deb -x) and starting the program from there, and says so
# (JOXAI_TEST_NO_OVERLAY=1 forces that route).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${1:-${JOXAI_BUILD_DIR:-$repo/build/release}}

if [ "$(id -u)" -ne 0 ]; then
  echo "test_installer.sh: must run as root (it installs into a throwaway overlay root); run it through sudo" >&2
  exit 1
fi

for tool in cmake cpack gpg gpgconf ar dpkg-deb lintian curl python3 chroot desktop-file-validate appstreamcli; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is missing: run installer/deps.sh test" >&2; exit 1; }
done

work=$(mktemp -d /tmp/joxai-installer-test.XXXXXX)
chmod 0755 "$work"
server_pid=
mounts=()
cleanup() {
  local rc=$?
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  local i
  for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
    umount "${mounts[i]}" 2>/dev/null || umount -l "${mounts[i]}" 2>/dev/null || true
  done
  [ -d "$work/gnupg" ] && gpgconf --homedir "$work/gnupg" --kill gpg-agent 2>/dev/null || true
  rm -rf "$work"
  [ $rc -eq 0 ] && echo "installer test passed" || echo "installer test FAILED" >&2
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

step() { echo "== $*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
expect_fail() { # expect_fail LABEL PATTERN COMMAND...: the command must fail and print PATTERN
  local label=$1 pattern=$2 out rc=0; shift 2
  out=$("$@" 2>&1) || rc=$?
  echo "$out" | sed 's/^/   | /'
  [ $rc -ne 0 ] || fail "$label: verification passed but should have failed"
  grep -q -- "$pattern" <<<"$out" || fail "$label: expected '$pattern' in the output"
}
flip_byte() { # flip_byte FILE: inverts one byte in the middle of FILE
  python3 - "$1" <<'EOF'
import sys
p = sys.argv[1]
with open(p, 'r+b') as f:
    data = bytearray(f.read())
    i = len(data) // 2
    data[i] ^= 0xFF
    f.seek(0); f.write(data)
EOF
}
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
started=$SECONDS

# --- 1. packages ------------------------------------------------------------------------------
step "packages from $build"
if [ $# -eq 0 ] && [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DJOXAI_BUILD_TESTS=OFF >/dev/null
fi
[ -f "$build/CPackConfig.cmake" ] || fail "$build is not a configured JoxAI build (no CPackConfig.cmake)"
cmake --build "$build" --target joxai-server joxai joxai_installer_files >/dev/null
mkdir "$work/pkg"
cpack --config "$build/CPackConfig.cmake" -B "$work/pkg" >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log"; fail "cpack failed"; }
version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
deb_name=joxai-server_${version}_amd64.deb
deb=$work/pkg/$deb_name
tgz=$(ls "$work"/pkg/joxai-server-*-linux-amd64.tar.gz)
[ -f "$deb" ] || fail "no $deb_name (cpack made: $(ls "$work/pkg"))"
cdeb_name=joxai_${version}_amd64.deb
cdeb=$work/pkg/$cdeb_name
ctgz=$work/pkg/joxai-${version}-linux-amd64.tar.gz
[ -f "$cdeb" ] && [ -f "$ctgz" ] || fail "no $cdeb_name or $(basename "$ctgz") (cpack made: $(ls "$work/pkg"))"
echo "   $deb_name, $(basename "$tgz"), $cdeb_name, $(basename "$ctgz")"
depends=$(dpkg-deb -f "$deb" Depends)
echo "   Depends: $depends"
for p in libqt6core6 libqt6network6 libqt6sql6 libqt6sql6-sqlite libqt6sql6-psql libqt6httpserver6 \
         libqt6websockets6 libssl3 libcrypt1 libpq5 adduser; do
  echo "$depends" | grep -Eq "(^|, )$p( |,|$)" || fail "Depends lacks $p"
done
contents=$(dpkg-deb -c "$deb")
grep -q ' ./usr/bin/joxai-server$' <<<"$contents" || fail "the .deb lacks /usr/bin/joxai-server"
grep -q ' ./usr/lib/systemd/system/joxai-server.service$' <<<"$contents" || fail "the .deb lacks the unit"
! grep -q ' ./usr/bin/joxai$' <<<"$contents" || fail "the server package holds the console"

step "the console package: $cdeb_name"
cdepends=$(dpkg-deb -f "$cdeb" Depends)
echo "   Depends: $cdepends"
echo "   Recommends: $(dpkg-deb -f "$cdeb" Recommends)"
# libqt6gui6 holds the xcb platform plugin; libqt6sql6-sqlite is the embedded server's database.
for p in libqt6core6 libqt6gui6 libqt6widgets6 libqt6network6 libqt6websockets6 libqt6keychain1 \
         libqt6sql6 libqt6sql6-sqlite libqt6httpserver6 libssl3; do
  echo "$cdepends" | grep -Eq "(^|, )$p( |,|$)" || fail "the console's Depends lacks $p"
done
! echo "$cdepends" | grep -q 'joxai-server' || fail "the console depends on the server package"
ccontents=$(dpkg-deb -c "$cdeb")
id=com.joxai.Console
for f in usr/bin/joxai usr/share/applications/$id.desktop usr/share/metainfo/$id.metainfo.xml \
         usr/share/icons/hicolor/scalable/apps/$id.svg usr/share/man/man1/joxai.1.gz \
         usr/share/doc/joxai/copyright usr/share/doc/joxai/changelog.gz; do
  grep -q " ./$f\$" <<<"$ccontents" || fail "the console package lacks /$f"
done
! grep -q 'joxai-server' <<<"$ccontents" || fail "the console package holds server files"
# The PNG sizes, each really drawn at its size (width and height from the PNG header).
mkdir "$work/console"
dpkg-deb -x "$cdeb" "$work/console"
for size in 16 24 32 48 64 128 256; do
  png=$work/console/usr/share/icons/hicolor/${size}x${size}/apps/$id.png
  [ -f "$png" ] || fail "no ${size}x${size} icon"
  dims=$(python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); assert d[:8]==b"\x89PNG\r\n\x1a\n"; print("%dx%d" % struct.unpack(">II", d[16:24]))' "$png")
  [ "$dims" = "${size}x${size}" ] || fail "the ${size}x${size} icon is $dims"
done
# The screenshots the metainfo names are the repository's, published with the release.
shots=$(grep -o '<image[^>]*>[^<]*</image>' "$work/console/usr/share/metainfo/$id.metainfo.xml" | sed 's/.*\/\([^/<]*\)<\/image>/\1/')
[ -n "$shots" ] || fail "the metainfo names no screenshot"
for shot in $shots; do [ -f "$repo/docs/screenshots/$shot" ] || fail "metainfo screenshot $shot is not in docs/screenshots"; done
echo "   program, desktop entry, metainfo ($(echo $shots | wc -w) screenshots, all in docs/screenshots), icons 16-256 px and scalable, man page"

# --- 2. the example configuration lists every setting, and the program accepts it -----------------
step "joxai.env.example covers every setting of server/config/configloader.cpp"
mkdir "$work/tgz"
tar -xzf "$tgz" -C "$work/tgz"
example=$(find "$work/tgz" -name joxai.env.example)
tgz_bin=$(find "$work/tgz" -path '*/bin/joxai-server')
[ -f "$example" ] && [ -x "$tgz_bin" ] || fail "the .tar.gz lacks bin/joxai-server or joxai.env.example"
names=$(sed -n '/static const QList<Setting> table/,/^    };/p' "$repo/server/config/configloader.cpp" |
        grep -o 'QStringLiteral("[A-Z][A-Z0-9_]*")' | sed 's/QStringLiteral("\(.*\)")/\1/' | sort -u)
names="$names JOXAI_CONFIG"
[ "$(echo $names | wc -w)" -ge 40 ] || fail "found only $(echo $names | wc -w) settings in configloader.cpp"
missing=
for n in $names; do grep -Eq "^#?$n=" "$example" || missing="$missing $n"; done
[ -z "$missing" ] || fail "joxai.env.example does not list:$missing"
# Every line uncommented (the shown defaults), plus a key, must be a valid configuration.
sed -E 's/^#([A-Z][A-Z0-9_]*=)/\1/; s/^SECRET_KEY=.*/SECRET_KEY=0123456789abcdef0123456789abcdef/' \
  "$example" > "$work/all-defaults.env"
"$tgz_bin" --config "$work/all-defaults.env" --data-dir "$work/tgz-data" --check-config >"$work/check.log" 2>&1 ||
  { cat "$work/check.log"; fail "the example's defaults are not a valid configuration"; }
echo "   $(echo $names | wc -w) settings listed; the .tar.gz's joxai-server accepts the example's defaults"

# --- 3. signing and verification ------------------------------------------------------------------
step "sign with a throwaway key, verify"
export GNUPGHOME="$work/gnupg"
mkdir -m 0700 "$GNUPGHOME"
uid="JoxAI Test Release <release-test@joxai.invalid>"
gpg --batch --quiet --pinentry-mode loopback --passphrase '' --quick-gen-key "$uid" ed25519 sign 1d 2>/dev/null
gpg --batch --quiet --pinentry-mode loopback --passphrase '' --quick-gen-key "Someone Else <other@joxai.invalid>" ed25519 sign 1d 2>/dev/null
fpr=$(gpg --batch --with-colons --list-keys "release-test@joxai.invalid" 2>/dev/null | awk -F: '$1=="fpr" {print $10; exit}')
gpg --batch --armor --export "$fpr" > "$work/release-key.asc"
gpg --batch --armor --export other@joxai.invalid > "$work/other-key.asc"
gpg --batch --armor --pinentry-mode loopback --passphrase '' --export-secret-keys "$fpr" > "$work/release-secret.asc"
gpgconf --kill gpg-agent
unset GNUPGHOME   # sign and verify bring their own temporary keyrings

rel=$work/release
mkdir "$rel"
cp "$deb" "$tgz" "$cdeb" "$ctgz" "$rel/"
"$repo/installer/sign" --secret-key "$work/release-secret.asc" "$rel/$deb_name" "$rel/$(basename "$tgz")" \
  "$rel/$cdeb_name" "$rel/$(basename "$ctgz")" | sed 's/^/   | /'
ar t "$rel/$deb_name" | grep -qx _gpgorigin || fail "the signed .deb has no _gpgorigin member"
ar t "$rel/$cdeb_name" | grep -qx _gpgorigin || fail "the signed console .deb has no _gpgorigin member"
[ -s "$rel/SHA256SUMS" ] && [ -s "$rel/SHA256SUMS.asc" ] || fail "no SHA256SUMS / SHA256SUMS.asc"

out=$("$repo/installer/verify" --key "$work/release-key.asc" --fingerprint "$fpr" "$rel"/*.deb "$rel"/*.tar.gz) ||
  { echo "$out"; fail "verification of the signed release failed"; }
echo "$out" | sed 's/^/   | /'
for name in "$deb_name" "$cdeb_name"; do
  [ "$(grep -c "^$name: good, .*signed by $uid ($fpr)" <<<"$out")" -eq 2 ] ||
    fail "expected two 'good' lines for $name (its own signature and SHA256SUMS)"
done
for name in "$(basename "$tgz")" "$(basename "$ctgz")"; do
  grep -q "$name: good, listed in SHA256SUMS, signed by $uid ($fpr)" <<<"$out" ||
    fail "$name was not reported good"
done

step "re-signing with --key from a keyring replaces the signature"
cp -r "$rel" "$work/resign"
"$repo/installer/sign" --homedir "$work/gnupg" --key "$fpr" "$work/resign/$deb_name" >/dev/null
[ "$(ar t "$work/resign/$deb_name" | grep -cx _gpgorigin)" -eq 1 ] || fail "re-signing left two signatures"
"$repo/installer/verify" --key "$work/release-key.asc" "$work/resign/$deb_name" >/dev/null ||
  fail "the re-signed .deb does not verify"
gpgconf --homedir "$work/gnupg" --kill gpg-agent
echo "   ok"

step "a lone .deb verifies by its own signature"
mkdir "$work/lone" "$work/lone-bad"
cp "$rel/$deb_name" "$work/lone/"
out=$("$repo/installer/verify" --key "$work/release-key.asc" "$work/lone/$deb_name") ||
  { echo "$out"; fail "the lone signed .deb did not verify"; }
echo "$out" | sed 's/^/   | /'
grep -q "good, signed by $uid ($fpr) (embedded package signature)" <<<"$out" || fail "unexpected: $out"

step "one flipped byte is caught"
cp "$rel/$deb_name" "$work/lone-bad/"
flip_byte "$work/lone-bad/$deb_name"
expect_fail "flipped .deb, embedded signature" "BAD" \
  "$repo/installer/verify" --key "$work/release-key.asc" "$work/lone-bad/$deb_name"
cp -r "$rel" "$work/rel-bad"
flip_byte "$work/rel-bad/$(basename "$tgz")"
expect_fail "flipped .tar.gz, SHA256SUMS" "SHA-256 differs" \
  "$repo/installer/verify" --key "$work/release-key.asc" "$work/rel-bad/$(basename "$tgz")"
rm -rf "$work/rel-bad"; cp -r "$rel" "$work/rel-bad"
flip_byte "$work/rel-bad/$deb_name"
expect_fail "flipped .deb beside SHA256SUMS" "BAD" \
  "$repo/installer/verify" --key "$work/release-key.asc" "$work/rel-bad/$deb_name"
rm -rf "$work/rel-bad"; cp -r "$rel" "$work/rel-bad"
flip_byte "$work/rel-bad/SHA256SUMS"
expect_fail "flipped SHA256SUMS" "changed after it was signed" \
  "$repo/installer/verify" --key "$work/release-key.asc" "$work/rel-bad/$(basename "$tgz")"
expect_fail "someone else's key" "signed by another key" \
  "$repo/installer/verify" --key "$work/other-key.asc" "$work/lone/$deb_name"
expect_fail "unsigned .deb" "not signed" \
  "$repo/installer/verify" --key "$work/release-key.asc" "$deb"
cp "$rel/$cdeb_name" "$work/lone-bad/"
flip_byte "$work/lone-bad/$cdeb_name"
expect_fail "flipped console .deb, embedded signature" "BAD" \
  "$repo/installer/verify" --key "$work/release-key.asc" "$work/lone-bad/$cdeb_name"

# --- 4. lintian ------------------------------------------------------------------------------------
step "lintian (Debian 12): the packages clean, the signed artefacts with one justified suppression"
run_lintian() { # prints every tag (info included); fails on errors
  local out rc=0
  out=$(lintian --fail-on error --display-info --tag-display-limit 0 "$@" 2>&1) || rc=$?
  grep -v 'running with root privileges' <<<"$out" | sed 's/^/   | /' || true
  [ $rc -eq 0 ] || fail "lintian reports errors for ${*: -1}"
}
hardening=$(sed -n 's/^JOXAI_HARDENING:BOOL=//p' "$build/CMakeCache.txt")
for name in "$deb_name" "$cdeb_name"; do
  echo "   unsigned $name:"
  tags=$(run_lintian "$work/pkg/$name")
  echo "$tags"
  lintian --fail-on warning "$work/pkg/$name" >/dev/null 2>&1 || fail "lintian reports warnings for the unsigned $name"
  # A hardened build (JOXAI_HARDENING, on for Release) leaves lintian nothing to say about it.
  # Except one known false positive: the console calls no libc function that _FORTIFY_SOURCE can
  # check (its only candidates, memcpy/memmove/memset/read, get sizes known only at run time, so
  # gcc keeps the plain calls), and lintian then says "no fortified functions" for it.
  if [ "$hardening" = ON ]; then
    unhardened=$(grep -o 'hardening-[a-z-]*' <<<"$tags" || true)
    [ "$name" = "$cdeb_name" ] && unhardened=$(grep -vx 'hardening-no-fortify-functions' <<<"$unhardened" || true)
    [ -z "$unhardened" ] || fail "JOXAI_HARDENING is on, yet lintian says $unhardened for $name"
  fi
  echo "   signed $name (suppressed: installer/lintian/signed-deb.suppress):"
  run_lintian --suppress-tags-from-file "$repo/installer/lintian/signed-deb.suppress" "$rel/$name"
done
echo "   hardening flags (JOXAI_HARDENING): ${hardening:-OFF}"

# --- 5. install into a throwaway root and start it -------------------------------------------------
port=$(free_port)
mode=overlay
root=$work/root
mkdir "$root" "$work/ov"
if [ -n "${JOXAI_TEST_NO_OVERLAY:-}" ]; then   # to exercise the fallback
  mode=extract
elif mount -t tmpfs -o size=1g,mode=0755 joxai-test "$work/ov" 2>/dev/null; then
  mounts+=("$work/ov")
  mkdir "$work/ov/upper" "$work/ov/work"
  if mount -t overlay joxai-test -o "lowerdir=/,upperdir=$work/ov/upper,workdir=$work/ov/work" "$root" 2>/dev/null; then
    mounts+=("$root")
    mount -t proc proc "$root/proc" && mounts+=("$root/proc")
    mount --bind /dev "$root/dev" && mounts+=("$root/dev")
  else
    mode=extract
  fi
else
  mode=extract
fi

check_console_files() { # the desktop integration, where desktops look for it
  local f
  for f in usr/share/applications/$id.desktop usr/share/metainfo/$id.metainfo.xml \
           usr/share/icons/hicolor/scalable/apps/$id.svg \
           usr/share/icons/hicolor/{16x16,24x24,32x32,48x48,64x64,128x128,256x256}/apps/$id.png; do
    [ -f "$root/$f" ] || fail "/$f is not installed"
  done
  grep -qx "Icon=$id" "$root/usr/share/applications/$id.desktop" || fail "the desktop entry's Icon is not $id"
  grep -qx "Exec=joxai" "$root/usr/share/applications/$id.desktop" || fail "the desktop entry does not start joxai"
  [ -x "$root/usr/bin/joxai" ] || fail "/usr/bin/joxai is not installed"
  echo "   /usr/bin/joxai, /usr/share/applications/$id.desktop, /usr/share/metainfo/$id.metainfo.xml, 8 icons"
}
check_console_runs() { # check_console_runs in_root|env: the installed console answers --version and --help
  local run out help
  if [ "$1" = in_root ]; then
    run=(in_root QT_QPA_PLATFORM=offscreen HOME=/tmp /usr/bin/joxai)
  else
    run=(env -i PATH=/usr/bin:/bin QT_QPA_PLATFORM=offscreen HOME="$work" "$root/usr/bin/joxai")
  fi
  out=$("${run[@]}" --version 2>"$work/joxai.err") || { cat "$work/joxai.err"; fail "joxai --version failed"; }
  [ "$out" = "joxai $version" ] || fail "joxai --version says '$out', not 'joxai $version'"
  help=$("${run[@]}" --help 2>"$work/joxai.err") || { cat "$work/joxai.err"; fail "joxai --help failed"; }
  grep -q -- '--embedded-server' <<<"$help" || { echo "$help"; fail "joxai --help does not list --embedded-server"; }
  echo "   QT_QPA_PLATFORM=offscreen joxai --version: $out; --help lists --embedded-server"
}

health() { curl -fsS --max-time 2 "http://127.0.0.1:$port/health" 2>/dev/null; }
wait_health() {
  local answer
  for _ in $(seq 150); do
    if answer=$(health) && grep -q '"status":"ok"' <<<"$answer"; then echo "   /health: $answer"; return 0; fi
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log"; fail "joxai-server exited early"; }
    sleep 0.2
  done
  cat "$work/server.log"; fail "no /health answer on port $port"
}
stop_server() {
  kill -TERM "$server_pid"
  local rc=0; wait "$server_pid" || rc=$?
  server_pid=
  [ $rc -eq 0 ] || { cat "$work/server.log"; fail "joxai-server exited with $rc on SIGTERM"; }
  echo "   stopped by PID on SIGTERM, exit 0"
}

if [ "$mode" = overlay ]; then
  step "apt-get install ./$deb_name into an overlay root ($root), maintainer scripts included"
  in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }
  [ ! -e "$root/etc/joxai" ] && [ ! -e "$root/var/lib/joxai" ] || fail "this machine already has /etc/joxai or /var/lib/joxai"
  mkdir -p "$root/tmp/joxai-pkg"
  cp "$rel/$deb_name" "$root/tmp/joxai-pkg/"
  # As the README tells admins (the signed .deb, as published). All dependencies are already
  # installed here, so nothing is downloaded.
  in_root apt-get install -y -q --no-install-recommends -o Dpkg::Use-Pty=0 \
    "/tmp/joxai-pkg/$deb_name" >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; fail "apt-get install failed"; }
  sed -n '/^Unpacking\|^Setting up\|^Created symlink/s/^/   | /p' "$work/apt.log"
  [ "$(in_root dpkg-query -W -f='${Status}' joxai-server)" = "install ok installed" ] || fail "dpkg did not install it"
  in_root getent passwd joxai | grep -q ':/var/lib/joxai:/usr/sbin/nologin$' || fail "no joxai system user"
  owner() { in_root stat -c '%U:%G %a' "$1"; }   # names from the root's own /etc/passwd
  [ "$(owner /var/lib/joxai)" = "joxai:joxai 750" ] || fail "/var/lib/joxai is $(owner /var/lib/joxai)"
  env_file=$root/etc/joxai/joxai.env
  [ "$(owner /etc/joxai/joxai.env)" = "root:joxai 640" ] || fail "joxai.env is $(owner /etc/joxai/joxai.env)"
  [ "$(owner /etc/joxai)" = "root:joxai 750" ] || fail "/etc/joxai is $(owner /etc/joxai)"
  key=$(sed -n 's/^SECRET_KEY=//p' "$env_file")
  [ ${#key} -ge 32 ] || fail "joxai.env has no generated SECRET_KEY"
  diff <(grep -v '^SECRET_KEY=' "$env_file") <(grep -v '^SECRET_KEY=' "$root/usr/share/joxai/joxai.env.example") >/dev/null ||
    fail "joxai.env differs from the example beyond SECRET_KEY"
  [ -L "$root/etc/systemd/system/multi-user.target.wants/joxai-server.service" ] || fail "the service was not enabled"
  echo "   user joxai, /var/lib/joxai joxai:joxai 750, /etc/joxai/joxai.env root:joxai 640 with a ${#key}-character SECRET_KEY, service enabled"
  if in_root test -x /usr/bin/systemd-analyze; then
    # Any remark (an unknown key is only a warning to systemd) fails the test.
    in_root systemd-analyze verify /usr/lib/systemd/system/joxai-server.service >"$work/analyze.log" 2>&1 ||
      { cat "$work/analyze.log"; fail "systemd-analyze verify rejects the unit"; }
    [ ! -s "$work/analyze.log" ] || { cat "$work/analyze.log"; fail "systemd-analyze verify has remarks on the unit"; }
    echo "   systemd-analyze verify: unit OK"
  fi

  # The check the README gives admins: joxai.env is also a valid joxai.conf.
  chroot --userspec=joxai:joxai "$root" /usr/bin/env -i PATH=/usr/bin:/bin JOXAI_ENV=production \
    /usr/bin/joxai-server --config /etc/joxai/joxai.env --data-dir /var/lib/joxai --check-config \
    >"$work/check.log" 2>&1 || { cat "$work/check.log"; fail "joxai-server --check-config rejects joxai.env"; }
  echo "   joxai-server --check-config accepts /etc/joxai/joxai.env"

  step "start the installed joxai-server as the service would (user joxai, joxai.env, production)"
  # What the unit does, minus systemd: its Environment= lines, then the EnvironmentFile.
  chroot --userspec=joxai:joxai "$root" /usr/bin/env -i PATH=/usr/bin:/bin LANG=C.UTF-8 \
    JOXAI_ENV=production JOXAI_DATA_DIR=/var/lib/joxai QT_ENABLE_REGEXP_JIT=0 \
    /bin/sh -c 'set -a; . /etc/joxai/joxai.env; set +a; exec /usr/bin/joxai-server --bind 127.0.0.1 --port "$1"' \
    sh "$port" >"$work/server.log" 2>&1 &
  server_pid=$!
  wait_health
  joxai_uid=$(in_root getent passwd joxai | cut -d: -f3)
  [ "$(ps -o uid= -p "$server_pid" | tr -d ' ')" = "$joxai_uid" ] || fail "the server does not run as joxai"
  [ -f "$root/var/lib/joxai/joxai.db" ] || fail "no SQLite database in /var/lib/joxai"
  stop_server

  step "upgrade (reinstall) keeps configuration and data; remove keeps them; purge deletes them"
  env_sum=$(sha256sum < "$env_file")
  db_sum=$(sha256sum < "$root/var/lib/joxai/joxai.db")
  in_root dpkg -i "/tmp/joxai-pkg/$deb_name" >/dev/null 2>&1 || fail "reinstall failed"
  [ "$(sha256sum < "$env_file")" = "$env_sum" ] || fail "the upgrade changed joxai.env"
  [ "$(sha256sum < "$root/var/lib/joxai/joxai.db")" = "$db_sum" ] || fail "the upgrade changed the database"
  in_root dpkg -r joxai-server >/dev/null 2>&1 || fail "dpkg -r failed"
  [ ! -e "$root/usr/bin/joxai-server" ] || fail "remove left the program"
  [ -f "$env_file" ] && [ -f "$root/var/lib/joxai/joxai.db" ] || fail "remove deleted configuration or data"
  in_root dpkg -P joxai-server >/dev/null 2>&1 || fail "dpkg -P failed"
  [ ! -e "$root/etc/joxai" ] && [ ! -e "$root/var/lib/joxai" ] || fail "purge left /etc/joxai or /var/lib/joxai"
  [ ! -e "$root/etc/systemd/system/multi-user.target.wants/joxai-server.service" ] || fail "purge left the service enabled"
  echo "   upgrade kept joxai.env and joxai.db; remove kept them; purge removed /etc/joxai and /var/lib/joxai"

  step "apt-get install ./$cdeb_name (the console, as on a desk: no joxai-server)"
  cp "$rel/$cdeb_name" "$root/tmp/joxai-pkg/"
  in_root apt-get install -y -q --no-install-recommends -o Dpkg::Use-Pty=0 \
    "/tmp/joxai-pkg/$cdeb_name" >"$work/apt-console.log" 2>&1 || { cat "$work/apt-console.log"; fail "apt-get install of the console failed"; }
  sed -n '/^Unpacking\|^Setting up/s/^/   | /p' "$work/apt-console.log"
  [ "$(in_root dpkg-query -W -f='${Status}' joxai)" = "install ok installed" ] || fail "dpkg did not install joxai"
  [ "$(in_root dpkg-query -W -f='${Status}' joxai-server 2>/dev/null)" != "install ok installed" ] ||
    fail "installing the console brought joxai-server"
  check_console_files
  in_root desktop-file-validate /usr/share/applications/$id.desktop || fail "desktop-file-validate rejects the installed entry"
  in_root appstreamcli validate --no-net /usr/share/metainfo/$id.metainfo.xml >"$work/appstream.log" 2>&1 ||
    { cat "$work/appstream.log"; fail "appstreamcli rejects the installed metainfo"; }
  echo "   desktop-file-validate and appstreamcli validate --no-net: $(tail -1 "$work/appstream.log")"
  check_console_runs in_root

  step "the console's embedded server, from the console package alone, answers /health"
  # What a desk that is its own server does (joxai --embedded-server): migrations, knowledge base and
  # widget come from inside the program, the SQLite driver from the package's Depends. No D-Bus here,
  # so the secret key goes to a file in the data folder (said in the console, not tested here).
  mkdir -p "$root/tmp/joxai-desk/home"
  chroot "$root" /usr/bin/env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME=/tmp/joxai-desk/home \
    QT_QPA_PLATFORM=offscreen /usr/bin/joxai --embedded-server --data-dir /tmp/joxai-desk/data --port "$port" \
    >"$work/server.log" 2>&1 &
  server_pid=$!
  wait_health
  [ -f "$root/tmp/joxai-desk/data/joxai.db" ] || fail "the embedded server made no database in its data folder"
  kill -TERM "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=
  echo "   stopped by PID"

  in_root dpkg -P joxai >/dev/null 2>&1 || fail "dpkg -P joxai failed"
  [ ! -e "$root/usr/bin/joxai" ] && [ ! -e "$root/usr/share/applications/$id.desktop" ] &&
    [ ! -e "$root/usr/share/icons/hicolor/48x48/apps/$id.png" ] || fail "purging the console left files"
  echo "   purge removed the program, its entry and icons"
else
  step "overlayfs unavailable: dpkg-deb -x into $root (maintainer scripts not run)"
  dpkg-deb -x "$rel/$deb_name" "$root"
  mkdir -m 0700 "$work/data"
  JOXAI_ENV=production SECRET_KEY=$(head -c 48 /dev/urandom | base64 -w0) JOXAI_DATA_DIR="$work/data" \
    "$root/usr/bin/joxai-server" --bind 127.0.0.1 --port "$port" >"$work/server.log" 2>&1 &
  server_pid=$!
  wait_health
  stop_server

  step "the console: dpkg-deb -x into $root"
  dpkg-deb -x "$rel/$cdeb_name" "$root"
  check_console_files
  desktop-file-validate "$root/usr/share/applications/$id.desktop" || fail "desktop-file-validate rejects the entry"
  appstreamcli validate --no-net "$root/usr/share/metainfo/$id.metainfo.xml" >"$work/appstream.log" 2>&1 ||
    { cat "$work/appstream.log"; fail "appstreamcli rejects the metainfo"; }
  check_console_runs env
fi

echo "== done in $((SECONDS - started)) s (install check: $mode)"
