#!/usr/bin/python3
"""Cuts Symbola-Emoji.ttf, the emoji fallback face, out of Debian's Symbola.

    apt-get download fonts-symbola && dpkg-deb -x fonts-symbola_*.deb /tmp/symbola
    /usr/bin/python3 fonts/subset-emoji.py \
        /tmp/symbola/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf \
        fonts/DejaVuSans.ttf /usr/share/unicode/emoji/emoji-data.txt fonts/Symbola-Emoji.ttf

Needs Debian's python3-fonttools and unicode-data (build time only). See
fonts.go (Emoji) for what is kept and why the characters beyond U+FFFF are
mapped twice.
"""
import sys

from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._g_l_y_f import Glyph

# Besides the emoji: the spaces (the PDF writer draws a word space in the
# word's face); the zero width joiner and the emoji presentation selector,
# empty glyphs that keep a sequence's text whole; the keycap.
ALSO = [0x20, 0xA0, 0x200D, 0xFE0F, 0x20E3]
# Skin tone modifiers colour the emoji before them: a black outline
# cannot, so they are kept empty and without width (their text stays).
MODIFIERS = range(0x1F3FB, 0x1F400)
# Where the PDF writer (16-bit codes) finds a character beyond U+FFFF:
# U+1F000–U+1FAFF at U+E000–U+EAFF, in the Private Use Area.
PUA_OFFSET = 0x11000


def emoji(path):
    """The code points with Unicode's Emoji property (UTS #51)."""
    cps = set()
    for line in open(path, encoding="utf-8"):
        fields = line.split("#")[0].split(";")
        if len(fields) != 2 or fields[1].strip() != "Emoji":
            continue
        lo, _, hi = fields[0].strip().partition("..")
        cps.update(range(int(lo, 16), int(hi or lo, 16) + 1))
    return cps


def main(src, dejavu, emoji_data, out):
    font = TTFont(src)
    have = font.getBestCmap()
    dejavu_has = TTFont(dejavu).getBestCmap()
    # what DejaVu Sans has in the BMP it draws (it comes first among the
    # fallbacks); beyond U+FFFF it can draw nothing (see fonts.go)
    keep = {cp for cp in emoji(emoji_data) if cp in have and (cp > 0xFFFF or cp not in dejavu_has)}
    keep.update(cp for cp in ALSO if cp in have)

    opt = subset.Options()
    opt.hinting = False
    opt.layout_features = []
    opt.drop_tables += ["GSUB", "GPOS", "GDEF", "vhea", "vmtx"]
    opt.name_IDs = ["*"]
    opt.notdef_outline = True
    sub = subset.Subsetter(opt)
    sub.populate(unicodes=sorted(keep))
    sub.subset(font)

    cmap = font.getBestCmap()
    for cp in MODIFIERS:
        if cp in cmap:
            font["glyf"][cmap[cp]] = Glyph()  # empty
            font["hmtx"][cmap[cp]] = (0, 0)
    astral = {cp: name for cp, name in cmap.items() if 0x1F000 <= cp <= 0x1FAFF}
    for table in font["cmap"].tables:
        if table.isUnicode():
            for cp, name in astral.items():
                table.cmap[cp - PUA_OFFSET] = name
    font.save(out)
    print(f"{out}: {len(cmap)} characters ({len(astral)} beyond U+FFFF), {len(font.getGlyphOrder())} glyphs")


if __name__ == "__main__":
    main(*sys.argv[1:])
