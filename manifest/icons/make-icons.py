#!/usr/bin/env python3
"""Draws the TeamsEngage app icons: a speech bubble with a check mark ("you said, we did").

color.png   192x192, white bubble and teal check on the teal accent colour.
outline.png  32x32, white bubble on transparent, the check cut out of it.

Only the standard library is used, so the icons can be redrawn anywhere:
    python3 manifest/icons/make-icons.py [output-folder]   (default: manifest/)
"""
import math
import os
import struct
import sys
import zlib

ACCENT = (0x1F, 0x6F, 0x8B)  # the manifest's accentColor, #1F6F8B
WHITE = (0xFF, 0xFF, 0xFF)
SAMPLES = 4  # supersampling per axis, for smooth edges


def in_rounded_rect(x, y, left, top, right, bottom, radius):
    if not (left <= x <= right and top <= y <= bottom):
        return False
    cx = min(max(x, left + radius), right - radius)
    cy = min(max(y, top + radius), bottom - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def in_triangle(x, y, a, b, c):
    def side(p, q):
        return (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0])

    d1, d2, d3 = side(a, b), side(b, c), side(c, a)
    negative = d1 < 0 or d2 < 0 or d3 < 0
    positive = d1 > 0 or d2 > 0 or d3 > 0
    return not (negative and positive)


def near_segment(x, y, p, q, half_width):
    dx, dy = q[0] - p[0], q[1] - p[1]
    t = max(0.0, min(1.0, ((x - p[0]) * dx + (y - p[1]) * dy) / (dx * dx + dy * dy)))
    px, py = p[0] + t * dx, p[1] + t * dy
    return math.hypot(x - px, y - py) <= half_width


# The design on a unit square (0..1); both icons scale it.
def in_bubble(u, v):
    body = in_rounded_rect(u, v, 0.12, 0.16, 0.88, 0.70, 0.13)
    tail = in_triangle(u, v, (0.26, 0.62), (0.46, 0.66), (0.22, 0.86))
    return body or tail


def in_check(u, v, half_width):
    short = ((0.31, 0.43), (0.44, 0.56))
    long = ((0.44, 0.56), (0.69, 0.30))
    return near_segment(u, v, *short, half_width) or near_segment(u, v, *long, half_width)


def coverage(size, x, y, inside):
    hits = 0
    for sy in range(SAMPLES):
        for sx in range(SAMPLES):
            u = (x + (sx + 0.5) / SAMPLES) / size
            v = (y + (sy + 0.5) / SAMPLES) / size
            hits += inside(u, v)
    return hits / (SAMPLES * SAMPLES)


def blend(under, over, amount):
    return tuple(round(a + (b - a) * amount) for a, b in zip(under, over))


def color_icon(size=192):
    rows = []
    for y in range(size):
        row = []
        for x in range(size):
            bubble = coverage(size, x, y, in_bubble)
            check = coverage(size, x, y, lambda u, v: in_bubble(u, v) and in_check(u, v, 0.055))
            pixel = blend(ACCENT, WHITE, bubble)
            pixel = blend(pixel, ACCENT, check)
            row.append(pixel + (255,))
        rows.append(row)
    return rows


def outline_icon(size=32):
    # White only; the shape lives in the alpha channel, as Teams requires.
    rows = []
    for y in range(size):
        row = []
        for x in range(size):
            alpha = coverage(size, x, y, lambda u, v: in_bubble(u, v) and not in_check(u, v, 0.065))
            row.append(WHITE + (round(alpha * 255),))
        rows.append(row)
    return rows


def write_png(path, rows):
    height, width = len(rows), len(rows[0])

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes(channel for pixel in row for channel in pixel) for row in rows)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    with open(path, "wb") as stream:
        stream.write(png)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    target = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(here)
    write_png(os.path.join(target, "color.png"), color_icon())
    write_png(os.path.join(target, "outline.png"), outline_icon())


if __name__ == "__main__":
    main()
