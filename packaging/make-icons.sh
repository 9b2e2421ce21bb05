#!/usr/bin/env bash
# Regenerates the platform icon files from icons/brokerscope.svg. Run it by hand after changing the
# SVG and commit what it writes; the installer build only reads the results, so it needs no image tools.
#
#   icons/brokerscope-{24,1024}.png          sizes the existing PNG set lacked (Windows, macOS Retina)
#   packaging/windows/brokerscope.ico        16, 24, 32, 48, 64, 128, 256 px in one file
#   packaging/macos/Brokerscope.iconset/     the PNGs macOS's iconutil expects
#   packaging/macos/brokerscope.icns         built here with png2icns (Debian: icnsutils) when present;
#                                            on a Mac: iconutil -c icns packaging/macos/Brokerscope.iconset
#
# Needs ImageMagick (Debian: imagemagick). Uses the same renderer as the PNGs already in icons/.
set -euo pipefail
cd "$(dirname "$0")/.."

svg=icons/brokerscope.svg
render() { # render SIZE OUT: the SVG at SIZE x SIZE, transparent corners kept.
    convert -background none -density $((96 * $1 / 256 + 1)) "$svg" -resize "$1x$1" -strip "$2"
}
icon() { # icon SIZE: the PNG from icons/, rendering sizes that are not there yet.
    local png="icons/brokerscope-$1.png"
    [[ -f $png ]] || render "$1" "$png"
    echo "$png"
}

# Windows: one .ico holding every size Explorer and the taskbar pick from.
ico_sizes=(16 24 32 48 64 128 256)
ico_inputs=()
for s in "${ico_sizes[@]}"; do ico_inputs+=("$(icon "$s")"); done
convert "${ico_inputs[@]}" packaging/windows/brokerscope.ico

# macOS: an .iconset folder (name@1x and @2x per size), the input of Apple's iconutil.
set_dir=packaging/macos/Brokerscope.iconset
rm -rf "$set_dir" && mkdir -p "$set_dir"
for s in 16 32 128 256 512; do
    cp "$(icon "$s")" "$set_dir/icon_${s}x${s}.png"
    cp "$(icon $((s * 2)))" "$set_dir/icon_${s}x${s}@2x.png"
done

# png2icns takes one PNG per size; it stores the Retina sizes as the next size up.
if command -v png2icns >/dev/null; then
    png2icns packaging/macos/brokerscope.icns $(for s in 16 32 128 256 512 1024; do icon "$s"; done) >/dev/null
else
    echo "png2icns not found (apt-get install icnsutils); on a Mac run: iconutil -c icns $set_dir" >&2
fi
ls -l packaging/windows/brokerscope.ico packaging/macos/brokerscope.icns "$set_dir" 2>/dev/null || true
