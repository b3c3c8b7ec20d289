#!/usr/bin/env bash
# Rebuilds magz's CMYK output profiles from FOGRA's characterisation data as
# Debian ships it (package icc-profiles-free, Zlib licence), with ArgyllCMS's
# colprof (package argyll), then caps their tables at the ink limit:
#
#   apt-get install -y icc-profiles-free argyll
#   bash assets/icc/make-profiles.sh
#
# Coated paper (FOGRA39, ISO 12647-2 PC1) with 300 % total ink and uncoated
# paper (FOGRA29, PC5) with 260 %. Black generation (-kp 0 0.1 0.9 1.0 0.5):
# no black in the lightest tenth, then a black that grows less than linearly
# to full black at the shadow end — greys are built of cyan, magenta and
# yellow in balance under a moderate black (a 50 % grey on uncoated paper
# is about C38 M29 Y25 K51), not of black with a trace of cyan as a full
# ramp gave. The perceptual table maps the sRGB gamut (-S sRGB.icc), since
# the photos magz separates are sRGB. -ni leaves out the device shaper
# curves. capink.go then makes every BtoA table hold the limit for any
# colour, in every intent and without black point compensation (colprof's
# own tables went a few percent over between their points). Each profile
# takes a minute or more.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
data=/usr/share/color/icc
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$data/FOGRA39L.ti3" "$data/FOGRA29L.ti3" "$here/sRGB.icc" "$work/"
cd "$work"
colprof -qm -kp 0 0.1 0.9 1.0 0.5 -l300 -ni -nc -S sRGB.icc -cmt -dpp \
  -D "magz coated (FOGRA39), TAC 300%" \
  -C "Zlib licence; made by magz from FOGRA39L.ti3 (c) Kai-Uwe Behrmann" \
  -O "$here/magz-coated-fogra39.icc" FOGRA39L
colprof -qm -kp 0 0.1 0.9 1.0 0.5 -l260 -ni -nc -S sRGB.icc -cmt -dpp \
  -D "magz uncoated (FOGRA29), TAC 260%" \
  -C "Zlib licence; made by magz from FOGRA29L.ti3 (c) Kai-Uwe Behrmann" \
  -O "$here/magz-uncoated-fogra29.icc" FOGRA29L
cd "$here"
go run capink.go -limit 300 magz-coated-fogra39.icc
go run capink.go -limit 260 magz-uncoated-fogra29.icc
