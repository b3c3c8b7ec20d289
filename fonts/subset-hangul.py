#!/usr/bin/python3
"""Cuts Hangul-KSX1001.ttf, the Korean fallback face, out of Debian's
NanumBarunGothic (fonts-nanum, SIL OFL 1.1).

    apt-get download fonts-nanum && dpkg-deb -x fonts-nanum_*.deb /tmp/nanum
    /usr/bin/python3 fonts/subset-hangul.py \
        /tmp/nanum/usr/share/fonts/truetype/nanum/NanumBarunGothic.ttf fonts/Hangul-KSX1001.ttf

Needs Debian's python3-fonttools (build time only). The OFL reserves the
names Nanum and NanumBarunGothic for the original fonts: a modified
version (this subset is one) goes by another name, so the name table is
rewritten; the copyright and the licence stay.
"""
import sys

from fontTools import subset
from fontTools.ttLib import TTFont

NAME = "Hangul KSX1001"
PS_NAME = "Hangul-KSX1001"


def ks_x_1001():
    """The 2,350 Hangul syllables of KS X 1001 (EUC-KR rows 0xB0–0xC8)."""
    out = []
    for lead in range(0xB0, 0xC9):
        for trail in range(0xA1, 0xFF):
            ch = bytes([lead, trail]).decode("euc-kr", errors="ignore")
            if ch and 0xAC00 <= ord(ch) <= 0xD7A3:
                out.append(ord(ch))
    assert len(out) == 2350, len(out)
    return out


def main(src, out):
    font = TTFont(src)
    # the syllables, the compatibility jamo (ㄱ ㅋㅋ ㅠㅠ), the spaces (the
    # PDF writer draws a word space in the word's face)
    keep = ks_x_1001() + list(range(0x3131, 0x318F)) + [0x20, 0xA0]
    opt = subset.Options()
    opt.hinting = False
    opt.layout_features = []
    opt.drop_tables += ["GSUB", "GPOS", "GDEF", "kern", "FFTM", "vhea", "vmtx"]
    opt.name_IDs = ["*"]
    opt.notdef_outline = True
    sub = subset.Subsetter(opt)
    sub.populate(unicodes=keep)
    sub.subset(font)

    name = font["name"]
    version = name.getDebugName(5)
    for rec in list(name.names):
        if rec.nameID in (1, 3, 4, 6, 16, 17, 18, 21, 22):
            name.removeNames(nameID=rec.nameID)
    for pid, eid, lid in ((3, 1, 0x409), (1, 0, 0)):
        name.setName(NAME, 1, pid, eid, lid)
        name.setName("Regular", 2, pid, eid, lid)
        name.setName(PS_NAME + "; " + version + "; subset", 3, pid, eid, lid)
        name.setName(NAME, 4, pid, eid, lid)
        name.setName(PS_NAME, 6, pid, eid, lid)
        name.setName("This Font Software is licensed under the SIL Open Font License, Version 1.1. "
                     "It is a modified version (a subset) of NanumBarunGothic.", 13, pid, eid, lid)
        name.setName("https://openfontlicense.org", 14, pid, eid, lid)
    font.save(out)
    print(f"{out}: {len(font.getBestCmap())} characters, {len(font.getGlyphOrder())} glyphs")


if __name__ == "__main__":
    main(*sys.argv[1:])
