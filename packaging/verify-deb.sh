#!/usr/bin/env bash
# End-to-end check of the Linux installer, as a user would meet it, on this Debian machine:
#   1. build the .deb (./mvnw -Pinstaller package);
#   2. install it with dpkg -i;
#   3. run a headless command and the headless broker from the installed app;
#   4. launch the installed GUI under Xvfb with a fresh HOME and config, on a port we chose;
#   5. check the window appears, the embedded broker answers and demo data flows; take a screenshot;
#   6. quit with Ctrl+Q and check the process exits cleanly;
#   7. uninstall (dpkg -P) and check nothing the package put on the system is left.
# Prints timings and sizes at the end and keeps the screenshot, logs and summary in target/installer/verify/.
#
# Usage: sudo packaging/verify-deb.sh [--no-build]     (--no-build reuses target/installer/deb/*.deb)
# Needs root (dpkg, apt-get). Installs the Debian packages it needs when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
project=$PWD

build=true
[[ ${1:-} == --no-build ]] && build=false
out=$project/target/installer/verify
package=brokerscope
launcher=/opt/brokerscope/bin/Brokerscope

log() { printf '[verify-deb] %s\n' "$*"; }
fail() { printf '[verify-deb] FAILED: %s\n' "$*" >&2; exit 1; }
now_ms() { date +%s%3N; }
# A command that fails outside an explicit check must not end the run silently.
trap 'printf "[verify-deb] FAILED: line %s: %s\n" "$LINENO" "$BASH_COMMAND" >&2' ERR

# ---- Tools. Checked before re-running under Xvfb, since xvfb-run is one of them. -------------------
install_missing() {
    # fakeroot: jpackage builds the .deb with it. xvfb/xauth: a display. xdotool: find and drive the window.
    # mosquitto-clients: talk to the installed app's broker. imagemagick: screenshot. xdg-utils: the
    # package's menu entry. desktop-file-utils: validate that entry. libgtk-3-0 and fonts: JavaFX windows.
    local packages=(fakeroot xvfb xauth xdotool mosquitto-clients imagemagick xdg-utils desktop-file-utils
                    libgtk-3-0 fonts-dejavu-core) missing=() p
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if ((${#missing[@]})); then
        log "installing: ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
}

if [[ -z ${BROKERSCOPE_VERIFY_UNDER_XVFB:-} ]]; then
    [[ $(id -u) == 0 ]] || fail "run as root: it installs and removes a system package"
    install_missing
    # Everything below runs with its own virtual display, so the GUI never touches a real one.
    exec env BROKERSCOPE_VERIFY_UNDER_XVFB=1 xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$@"
fi

started=$(now_ms)
rm -rf "$out" && mkdir -p "$out"
work=$(mktemp -d /tmp/brokerscope-verify-XXXXXX)
app_pid=
cleanup() {
    [[ -n $app_pid ]] && kill -KILL "$app_pid" 2>/dev/null || true
    [[ -n ${broker_pid:-} ]] && kill -KILL "$broker_pid" 2>/dev/null || true
    [[ -n ${made_menu_folder:-} ]] && rmdir "$made_menu_folder" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

free_port() { # A port nothing listens on (connecting to it fails), from a range the OS rarely hands out.
    local p
    for _ in $(seq 50); do
        p=$((20000 + RANDOM % 20000))
        (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
    done
    fail "no free port found"
}
wait_for_port() { # wait_for_port PORT SECONDS: true once something accepts connections on it.
    local deadline=$(($(now_ms) + $2 * 1000))
    while (($(now_ms) < deadline)); do
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
        sleep 0.1
    done
    return 1
}

# ---- 1. Build ---------------------------------------------------------------------------------------
build_ms=0
if $build; then
    log "building the .deb (./mvnw -Pinstaller -DskipTests package)"
    t=$(now_ms)
    ./mvnw -B -ntp -q -Pinstaller -DskipTests package > "$out/build.log" 2>&1 || { cat "$out/build.log"; fail "build"; }
    build_ms=$(($(now_ms) - t))
    grep '^\[installer\]' "$out/build.log" || true
fi
deb=$(compgen -G "$project/target/installer/deb/${package}_*.deb" | head -1 || true)
[[ -f $deb ]] || fail "no .deb in target/installer/deb/"
deb_bytes=$(stat -c %s "$deb")

# ---- 2. Install -------------------------------------------------------------------------------------
# A run that was interrupted may have left the package installed; start from a clean system.
if dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q installed; then
    log "removing a $package left by an earlier run"
    dpkg -P "$package" > /dev/null
fi
install_deb() { # dpkg -i, and apt-get -f install when dpkg stops (it does not fetch dependencies).
    if ! dpkg -i "$deb" >> "$out/install.log" 2>&1; then
        log "dpkg -i stopped; completing with apt-get -f install (fetches missing dependencies)"
        DEBIAN_FRONTEND=noninteractive apt-get install -f -y -qq >> "$out/install.log" 2>&1 || true
    fi
    dpkg-query -W -f='${Status}' "$package" | grep -q "install ok installed" || { cat "$out/install.log"; fail "install"; }
}

# A machine without a desktop menu folder (no /usr/share/desktop-directories: this CI machine, servers)
# must still install and remove the package: xdg-desktop-menu refuses to work there ("No writable system
# menu directory found"), which once left a package that could be neither configured nor removed.
menu_folder=/usr/share/desktop-directories
made_menu_folder=
if [[ ! -d $menu_folder ]]; then
    install_deb
    grep -q "no desktop menu on this system" "$out/install.log" || fail "expected the no-menu notice from postinst"
    dpkg -P "$package" > "$out/uninstall.log" 2>&1 || { cat "$out/uninstall.log"; fail "dpkg -P without a menu folder"; }
    log "installs and uninstalls on a machine without a desktop menu folder"
    # Then make the folder a desktop system has, so the menu entry is installed and checked as users get it.
    mkdir -p "$menu_folder"
    made_menu_folder=$menu_folder
fi

# What exists before, where a package or its scripts write (menu entries, icons, links, docs).
watched=(/opt /usr/bin /usr/local/bin /usr/share/applications /usr/share/icons /usr/share/desktop-directories
         /usr/share/mime /usr/share/doc /etc/alternatives /var/lib/dpkg/alternatives /etc/xdg)
snapshot() { # Some of these folders may not exist, hence the || true.
    { find "${watched[@]}" 2>/dev/null || true; } | grep -v -E '(mimeinfo|icon-theme)\.cache$' | sort
}
snapshot > "$out/files-before.txt"

log "installing $(basename "$deb") ($deb_bytes bytes)"
t=$(now_ms)
install_deb
install_ms=$(($(now_ms) - t))
dpkg -L "$package" > "$out/package-files.txt"
[[ -x $launcher ]] || fail "no launcher at $launcher"
[[ $(readlink -f /usr/bin/brokerscope) == "$launcher" ]] || fail "/usr/bin/brokerscope does not lead to $launcher"
desktop_entry=$(compgen -G "/usr/share/applications/*rokerscope*.desktop" | head -1 || true)
[[ -n $desktop_entry ]] || fail "no menu entry in /usr/share/applications"
desktop-file-validate "$desktop_entry" || fail "invalid desktop entry $desktop_entry"
installed_size=$(du -sh /opt/brokerscope | cut -f1)
installed_bytes=$(du -sb /opt/brokerscope | cut -f1)
log "installed: $installed_size in /opt/brokerscope, menu entry $desktop_entry, command /usr/bin/brokerscope"

# ---- 3. Headless commands from the installed app ----------------------------------------------------
version=$(brokerscope version) || fail "brokerscope version"
log "brokerscope version: $version"
brokerscope help | grep -q "broker" || fail "brokerscope help does not list the broker command"
cli_port=$(free_port)
HOME=$work/cli-home brokerscope broker --port "$cli_port" > "$out/cli-broker.log" 2>&1 &
broker_pid=$!
wait_for_port "$cli_port" 30 || { cat "$out/cli-broker.log"; fail "brokerscope broker did not listen on $cli_port"; }
mosquitto_pub -h 127.0.0.1 -p "$cli_port" -t verify/ping -m ok || fail "the headless broker refused a publish"
# SIGTERM runs the same shutdown hook as Ctrl-C; SIGINT itself is ignored by a background job of a script.
kill -TERM "$broker_pid"
broker_exit=0
wait "$broker_pid" || broker_exit=$?
broker_pid=
grep -q "Stopping the broker" "$out/cli-broker.log" || fail "the headless broker did not run its shutdown"
log "headless broker answered on port $cli_port and stopped on SIGTERM (exit $broker_exit)"

# Per-user install without root: the same .deb unpacked into a folder runs as it is.
dpkg-deb -x "$deb" "$work/per-user"
[[ $("$work/per-user/opt/brokerscope/bin/Brokerscope" version) == "$version" ]] || fail "unpacked launcher"

# ---- 4. Launch the installed GUI, cold: fresh HOME and config, page cache dropped if allowed ----------
port=$(free_port)
mkdir -p "$work/home" "$work/config/brokerscope"
printf '{"language":"en","embeddedBrokerPort":%d,"demoSensors":true}\n' "$port" > "$work/config/brokerscope/settings.json"
sync
cache=warm
if echo 3 2>/dev/null > /proc/sys/vm/drop_caches; then cache=dropped; fi
log "launching $launcher (broker port $port, page cache $cache)"
launched=$(now_ms)
# Java takes user.home from the password database, not $HOME: set it (and the temp folder) through
# JAVA_TOOL_OPTIONS, which every JVM reads, so this run starts like a new user's first one and we can
# see what it leaves behind.
mkdir -p "$work/tmp"
HOME=$work/home XDG_CONFIG_HOME=$work/config \
    JAVA_TOOL_OPTIONS="-Duser.home=$work/home -Djava.io.tmpdir=$work/tmp" "$launcher" > "$out/app.log" 2>&1 &
app_pid=$!

# ---- 5. Window, broker, demo data, screenshot -------------------------------------------------------
window=
while (($(now_ms) - launched < 60000)); do
    window=$(xdotool search --onlyvisible --name '^Brokerscope$' 2>/dev/null | head -1) && [[ -n $window ]] && break
    kill -0 "$app_pid" 2>/dev/null || { cat "$out/app.log"; fail "the app exited before showing a window"; }
    sleep 0.1
done
[[ -n $window ]] || { cat "$out/app.log"; fail "no Brokerscope window within 60 s"; }
window_ms=$(($(now_ms) - launched))
log "window $window visible after $window_ms ms"

wait_for_port "$port" 60 || { cat "$out/app.log"; fail "the embedded broker does not answer on $port"; }
# Time-stamp each message as it arrives: the first one gives launch-to-first-data.
mosquitto_sub -h 127.0.0.1 -p "$port" -t 'maison/#' -v -C 3 -W 30 \
    | while IFS= read -r line; do echo "$(now_ms) $line"; done > "$out/messages.txt" || true
(($(wc -l < "$out/messages.txt") == 3)) || { cat "$out/app.log"; fail "fewer than 3 demo messages on maison/# in 30 s"; }
first_message_ms=$(($(head -1 "$out/messages.txt" | cut -d' ' -f1) - launched))
log "demo data flows: $(cut -d' ' -f2- "$out/messages.txt" | paste -sd'|' -)"

sleep 2 # let a few frames of live values render before the screenshot
import -window root "$out/screenshot.png"
colours=$(convert "$out/screenshot.png" -format '%k' info:)
((colours > 50)) || fail "the screenshot has only $colours colours: the window did not render"
rocksdb_native=$(grep -q librocksdbjni "/proc/$app_pid/maps" && echo loaded || echo "not loaded")
log "screenshot $out/screenshot.png ($colours colours); RocksDB native library $rocksdb_native"

# ---- 6. Quit with Ctrl+Q, as a user would -----------------------------------------------------------
quit_at=$(now_ms)
xdotool windowfocus --sync "$window" 2>/dev/null || true
xdotool key --clearmodifiers ctrl+q
quit_by=ctrl+q
for _ in $(seq 200); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$app_pid" 2>/dev/null; then
    log "WARNING: still running 20 s after Ctrl+Q; sending SIGTERM"
    quit_by=SIGTERM
    kill -TERM "$app_pid"
    for _ in $(seq 100); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
fi
kill -0 "$app_pid" 2>/dev/null && fail "the app did not exit after $quit_by"
exit_code=0
wait "$app_pid" || exit_code=$?
app_pid=
quit_ms=$(($(now_ms) - quit_at))
[[ $quit_by == ctrl+q && $exit_code == 0 ]] || fail "quit by $quit_by, exit code $exit_code"
wait_for_port "$port" 0 && fail "port $port still open after exit"
log "quit by Ctrl+Q: exited with 0 after $quit_ms ms"
leftover_tmp=$(find "$work/tmp" -mindepth 1 -maxdepth 1 -name 'brokerscope-*' | head -3)
[[ -z $leftover_tmp ]] || fail "the app left its broker folder behind: $leftover_tmp"
log "the app wrote, in its fresh HOME and config: $(cd "$work" && find home config -type f | sed 's|/[^/]*\.so$|/*.so|' | sort -u | paste -sd' ' -)"

# ---- 7. Uninstall and look for leftovers ------------------------------------------------------------
t=$(now_ms)
dpkg -P "$package" > "$out/uninstall.log" 2>&1 || { cat "$out/uninstall.log"; fail "dpkg -P"; }
uninstall_ms=$(($(now_ms) - t))
dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok" && fail "package still installed"
[[ -e /opt/brokerscope ]] && fail "/opt/brokerscope is still there"
[[ -e /usr/bin/brokerscope || -L /usr/bin/brokerscope ]] && fail "/usr/bin/brokerscope is still there"
while IFS= read -r f; do
    [[ -f $f || -L $f ]] && fail "$f, installed by the package, is still there"
done < "$out/package-files.txt"
snapshot > "$out/files-after.txt"
if ! diff "$out/files-before.txt" "$out/files-after.txt" > "$out/leftovers.diff"; then
    cat "$out/leftovers.diff"
    fail "files differ from before the install (see above)"
fi
log "uninstalled in $uninstall_ms ms; nothing left in ${watched[*]}"

# ---- Summary ----------------------------------------------------------------------------------------
# The app logs these itself (StartupTimer), measured from JVM start, with grouping commas: "2,916 ms".
app_window=$(grep -o 'Window shown [0-9,]* ms' "$out/app.log" | grep -o '[0-9,]*' | tr -d , || echo '?')
app_value=$(grep -o 'First live value shown [0-9,]* ms' "$out/app.log" | grep -o '[0-9,]*' | tr -d , || echo '?')
{
    echo "version:                         $version"
    echo "build time (mvnw -Pinstaller):   $((build_ms / 1000)) s"
    echo "installer:                       $(basename "$deb"), $deb_bytes bytes ($((deb_bytes / 1000000)) MB)"
    echo "installed size (/opt/brokerscope): $installed_size ($installed_bytes bytes)"
    echo "install (dpkg -i):               $install_ms ms; uninstall (dpkg -P): $uninstall_ms ms"
    echo "cold start, page cache $cache:"
    echo "  launch -> window visible:      $window_ms ms (xdotool); app's own log: $app_window ms"
    echo "  launch -> first MQTT message:  $first_message_ms ms (mosquitto_sub); first value on screen (app log): $app_value ms"
    echo "quit (Ctrl+Q -> process gone):   $quit_ms ms"
    echo "RocksDB native library:          $rocksdb_native"
    echo "verification total:              $((($(now_ms) - started) / 1000)) s, build included"
} | tee "$out/summary.txt"
log "PASSED"
