#!/usr/bin/env python3
"""Damaged copies of a file, the way files get damaged: bytes flipped, cut short, a run
deleted, zeroed or repeated, numbers rewritten, the cross-reference offset moved.

    mutate.py SOURCE COUNT SEED OUTDIR   -> OUTDIR/<stem>-<n>-<kind>.<ext>

The same SEED gives the same copies."""
import os, random, re, sys

src_path, count, seed, outdir = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
src = open(src_path, 'rb').read()
stem, ext = os.path.splitext(os.path.basename(src_path))
rnd = random.Random(seed)
os.makedirs(outdir, exist_ok=True)
for i in range(count):
    b = bytearray(src)
    kind = rnd.choice(['flip', 'flip', 'cut', 'delete', 'zero', 'repeat', 'number', 'xref'])
    if kind == 'flip':
        for _ in range(rnd.randint(1, 30)):
            p = rnd.randrange(len(b)); b[p] = rnd.randrange(256)
    elif kind == 'cut':
        b = b[:rnd.randrange(len(b) // 2, len(b))]
    elif kind in ('delete', 'zero', 'repeat'):
        p = rnd.randrange(len(b)); q = min(len(b), p + rnd.randint(1, 4000))
        if kind == 'delete': del b[p:q]
        elif kind == 'zero': b[p:q] = bytes(q - p)
        else: b[p:p] = b[p:q]
    elif kind == 'number':
        found = list(re.finditer(rb'\d+', bytes(b)))
        for _ in range(rnd.randint(1, 10) if found else 0):
            m = rnd.choice(found)
            b[m.start():m.end()] = str(rnd.choice([0, 1, 99999999, 2 ** 31])).encode()[:max(1, m.end() - m.start())]
    elif kind == 'xref':
        p = b.rfind(b'startxref')
        if p > 0: b[p + 10:p + 20] = str(rnd.randrange(len(b))).encode().ljust(10)[:10]
    open(os.path.join(outdir, f'{stem}-{i:03d}-{kind}{ext}'), 'wb').write(b)
