#!/usr/bin/env bash
# Rebuilds magz's CMYK output profiles from FOGRA's characterisation data as
# Debian ships it (package icc-profiles-free, Zlib licence), with ArgyllCMS's
# colprof (package argyll):
#
#   apt-get install -y icc-profiles-free argyll
#   bash assets/icc/make-profiles.sh
#
# Coated paper (FOGRA39, ISO 12647-2 PC1) with 300 % total ink and uncoated
# paper (FOGRA29, PC5) with 260 %; black generation ramps in from the
# light tones (-kr); the perceptual table maps the sRGB gamut (-S sRGB.icc),
# since the photos magz embeds are sRGB. Each takes about a minute.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
data=/usr/share/color/icc
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$data/FOGRA39L.ti3" "$data/FOGRA29L.ti3" "$here/sRGB.icc" "$work/"
cd "$work"
colprof -qm -kr -l300 -nc -S sRGB.icc -cmt -dpp \
  -D "magz coated (FOGRA39), TAC 300%" \
  -C "Zlib licence; made by magz from FOGRA39L.ti3 (c) Kai-Uwe Behrmann" \
  -O "$here/magz-coated-fogra39.icc" FOGRA39L
colprof -qm -kr -l260 -nc -S sRGB.icc -cmt -dpp \
  -D "magz uncoated (FOGRA29), TAC 260%" \
  -C "Zlib licence; made by magz from FOGRA29L.ti3 (c) Kai-Uwe Behrmann" \
  -O "$here/magz-uncoated-fogra29.icc" FOGRA29L
