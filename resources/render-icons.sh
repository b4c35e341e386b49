#!/bin/sh
# Renders the icons in this folder from svg/*.svg. Needs rsvg-convert (librsvg2-bin), ImageMagick
# and png2icns (icnsutils): `apt-get install librsvg2-bin imagemagick icnsutils`.
set -eu
cd "$(dirname "$0")"
magick_convert=$(command -v magick || echo /usr/bin/convert)
mkdir -p icons tray

for size in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$size" -h "$size" svg/app.svg -o "icons/${size}x${size}.png"
done
cp icons/512x512.png icon.png
"$magick_convert" icons/16x16.png icons/24x24.png icons/32x32.png icons/48x48.png icons/64x64.png \
  icons/128x128.png icons/256x256.png icon.ico
png2icns icon.icns icons/16x16.png icons/32x32.png icons/128x128.png icons/256x256.png icons/512x512.png icons/1024x1024.png >/dev/null
rm icons/24x24.png icons/1024x1024.png

for state in idle active paused error; do
  for variant in "$state" "${state}Template"; do
    rsvg-convert -w 16 -h 16 "svg/tray-$variant.svg" -o "tray/tray-$variant.png"
    rsvg-convert -w 32 -h 32 "svg/tray-$variant.svg" -o "tray/tray-$variant@2x.png"
  done
done
