#!/usr/bin/python3
"""The fallback font for the rare characters of names in CJK Extensions G and H (Unicode Plane 3,
U+30000–U+323AF), which 花園明朝B (HanaMinB, Extensions B–F: docs/decisions.md D31) does not have.

No npm package carries a Plane-3 font that the build can install (Plangothic and Jigmo are not on the
registry), so the pieces are made once from Debian's font and committed, like a vendored source:

    apt-get install fonts-babelstone-han     # 15.0.5-2 (Debian bookworm): BabelStone Han 15.0.5, 51 MB
    /usr/bin/python3 scripts/subset-plane3-font.py   # Debian's python3-fonttools (4.38) and python3-brotli

It writes resources/vendor-fonts/BabelStoneHan-Plane3/: the font's Plane-3 ideographs in pieces of 1,024
code points each (a TTF for the PDFs, which pdfkit embeds, and the same as WOFF2 for the renderer),
index.json (which code points each piece has) and LICENSE.txt (Debian's copyright file: the Arphic Public
License, and CC-BY-SA for some symbol glyphs, none of which are in these pieces). It also writes the
renderer's @font-face rules, renderer/src/app/rarePlane3.css. scripts/copy-fonts.mjs copies the TTFs into
resources/fonts/ for the PDFs. Run again with the same Debian packages, it gives the same bytes.
"""
import json
import os
import shutil
import sys

from fontTools import subset
from fontTools.ttLib import TTFont

SOURCE = "/usr/share/fonts/truetype/babelstone/BabelStoneHan.ttf"
COPYRIGHT = "/usr/share/doc/fonts-babelstone-han/copyright"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "resources", "vendor-fonts", "BabelStoneHan-Plane3")
CSS = os.path.join(ROOT, "renderer", "src", "app", "rarePlane3.css")

# The assigned code points of CJK Unified Ideographs Extension G (Unicode 13: 4,939) and H (Unicode 15: 4,192).
BLOCKS = [("G", 0x30000, 0x3134A), ("H", 0x31350, 0x323AF)]
FIRST, LAST = BLOCKS[0][1], BLOCKS[-1][2]
# 1,024 code points a piece, as HanaMinB's pieces: 0.3–0.7 MB of TTF each, so a document or a page opens
# only the piece its character is in.
STEP = 0x400


def version_of(font):
    return font["name"].getDebugName(5) or "?"


def ranges(cps):
    out = []
    for cp in cps:
        if out and cp == out[-1][1] + 1:
            out[-1][1] = cp
        else:
            out.append([cp, cp])
    return out


def piece(cps):
    # a fresh copy per piece: the subsetter changes the font it is given. No new timestamp: the same
    # source gives the same bytes.
    font = TTFont(SOURCE, recalcTimestamp=False, recalcBBoxes=False)
    options = subset.Options()
    # the name table's copyright, licence and version travel with every piece (the licence asks it)
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    # outlines only: no OpenType layout (a name is drawn one ideograph at a time) and no hinting
    options.layout_features = []
    options.hinting = False
    options.glyph_names = False
    sub = subset.Subsetter(options)
    sub.populate(unicodes=cps)
    sub.subset(font)
    return font


def main():
    if not os.path.exists(SOURCE):
        sys.exit(f"{SOURCE} is missing: apt-get install fonts-babelstone-han")
    whole = TTFont(SOURCE, lazy=True)
    version = version_of(whole)
    cmap = whole.getBestCmap()
    covered = sorted(cp for cp in cmap if FIRST <= cp <= LAST)
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT)
    faces = []
    css = []
    for lo in range(FIRST, LAST + 1, STEP):
        hi = min(lo + STEP - 1, LAST)
        cps = [cp for cp in covered if lo <= cp <= hi]
        if not cps:
            continue
        name = f"BabelStoneHan-U{lo:X}"
        font = piece(cps)
        font.save(os.path.join(OUT, f"{name}.ttf"))
        font.flavor = "woff2"
        font.save(os.path.join(OUT, f"{name}.woff2"))
        size = os.path.getsize(os.path.join(OUT, f"{name}.ttf"))
        faces.append({"file": f"{name}.ttf", "woff2": f"{name}.woff2", "bytes": size, "ranges": ranges(cps)})
        css.append(
            "@font-face {\n"
            '  font-family: "LTC Rare Han";\n'
            "  font-style: normal;\n"
            "  font-weight: 400;\n"
            "  font-display: block;\n"
            f'  src: url("../../../resources/vendor-fonts/BabelStoneHan-Plane3/{name}.woff2") format("woff2");\n'
            f"  unicode-range: U+{lo:x}-{hi:x};\n"
            "}\n"
        )
        print(f"{name}: {len(cps)} characters, {size / 1e6:.2f} MB TTF, {os.path.getsize(os.path.join(OUT, name + '.woff2')) / 1e6:.2f} MB WOFF2")
    coverage = {b: {"covered": sum(1 for cp in covered if lo <= cp <= hi), "assigned": hi - lo + 1} for b, lo, hi in BLOCKS}
    index = {
        "font": f"BabelStone Han {version.split(';')[0].replace('Version ', '')}",
        "source": "Debian fonts-babelstone-han 15.0.5-2 (" + os.path.basename(SOURCE) + ")",
        "coverage": coverage,
        "faces": faces,
    }
    with open(os.path.join(OUT, "index.json"), "w", encoding="utf-8") as f:
        f.write(json.dumps(index, ensure_ascii=False, separators=(",", ":")) + "\n")
    shutil.copyfile(COPYRIGHT, os.path.join(OUT, "LICENSE.txt"))
    with open(CSS, "w", encoding="utf-8") as f:
        f.write(
            "/*\n"
            " * BabelStone Han 15.0.5 (Arphic Public License: resources/vendor-fonts/BabelStoneHan-Plane3/LICENSE.txt) for the\n"
            " * characters of CJK Extensions G and H (Plane 3) in people's names, which 花園明朝B (rareHan.css) lacks. Same\n"
            " * family as rareHan.css, whose ranges end in Plane 2: by unicode-range a piece draws Plane 3 only, and\n"
            " * Chromium loads it only when one of its characters is on screen. Written by scripts/subset-plane3-font.py\n"
            " * (do not edit); tests/unit/lint/rareHanCss.test.ts keeps it equal to the pieces' index.json.\n"
            " */\n" + "".join(css)
        )
    total = sum(f["bytes"] for f in faces)
    print(f"{len(faces)} pieces, {total / 1e6:.2f} MB TTF; coverage {json.dumps(coverage)}")


if __name__ == "__main__":
    main()
