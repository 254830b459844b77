"""Draws the Usahaku app icon (a white "U" on a teal rounded square) as PNGs, stdlib only.

Run: python3 assets/icons/make_icon.py  (writes the PNGs next to this file)
"""
import math
import os
import struct
import zlib

TEAL = (15, 118, 110)
WHITE = (255, 255, 255)
GOLD = (245, 158, 11)


def coverage(x, y):
    """Colour and alpha at (x, y) in a 1.0-sized square."""
    r = 0.19
    # rounded square
    dx = max(abs(x - 0.5) - (0.5 - r), 0)
    dy = max(abs(y - 0.5) - (0.5 - r), 0)
    if dx * dx + dy * dy > r * r:
        return None
    cx, top, bottom = 0.5, 0.24, 0.56
    outer, inner = 0.24, 0.12
    in_u = False
    if top <= y <= bottom and (cx - outer <= x <= cx - inner or cx + inner <= x <= cx + outer):
        in_u = True
    if y > bottom:
        d = math.hypot(x - cx, y - bottom)
        in_u = inner <= d <= outer
    if in_u:
        return WHITE
    if math.hypot(x - 0.74, y - 0.26) <= 0.07:
        return GOLD
    return TEAL


def png(size):
    ss = 4
    rows = []
    for py in range(size):
        row = bytearray([0])
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(ss):
                for sx in range(ss):
                    c = coverage((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size)
                    if c is not None:
                        acc[0] += c[0]
                        acc[1] += c[1]
                        acc[2] += c[2]
                        acc[3] += 1
            n = acc[3]
            if n:
                row += bytes([acc[0] // n, acc[1] // n, acc[2] // n, 255 * n // (ss * ss)])
            else:
                row += bytes([0, 0, 0, 0])
        rows.append(bytes(row))

    def chunk(kind, data):
        c = struct.pack(">I", len(data)) + kind + data
        return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")


here = os.path.dirname(os.path.abspath(__file__))
for name, size in [("icon.png", 512), ("128x128.png", 128), ("32x32.png", 32)]:
    with open(os.path.join(here, name), "wb") as f:
        f.write(png(size))
