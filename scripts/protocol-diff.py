#!/usr/bin/env python3
"""Differential check of the protocol parser: runs two builds of samsyn on the fixtures,
the real protocols and thousands of generated variants of them, and reports every file
whose `samsyn import protocol --dry-run --json` output (or exit code) differs, or that
takes more than five seconds (a hang).

    python3 scripts/protocol-diff.py OLD_BINARY NEW_BINARY [--variants 3000] [--seed 11]

Use it for any change meant to leave the parser's output as it is (speed work): build
the old commit's binary first (`git worktree add`, `cargo build --release`), keep a
copy, then compare. The variants are written to a temporary folder.
"""
import argparse, glob, os, random, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SEEDS = sorted(glob.glob(os.path.join(HERE, '../crates/samsyn/tests/protocols/*'))) + sorted(
    glob.glob(os.path.join(HERE, '../../shared/domain/sources/protokoll-*.txt')))
MARKS = ['Beslut:', 'Beslut', 'att ', '# att', '- att', '1. ', '§ 3', 'Punkt 4', 'beslutar att:',
         'Närvarande:', '~~', '**', '<del>', '</del>', '<i>', '</i>', '|', '\t', 'Ordförande',
         'Justerare:', 'Signerat av Anna Berg 2024-01-01', 'Bilaga 1', '________', 'Sida 2 av 3',
         'POSTADRESS', '(', ')', ':', '2024-04-19', 'kl. 13.00-15.00', 'Föredragande: Anna Berg',
         'Informationsärende', '  ', '\n', '\n\n', 'Anna Berg, Region Örebro län']
OCR = [('ä', 'é'), ('i', '1'), ('ä', 'a'), ('ö', 'o'), ('å', 'a'), ('l', '1'), ('rn', 'm')]


def vary(text, r):
    lines = text.split('\n')
    for _ in range(r.randint(1, 60)):
        i = r.randrange(len(lines))
        op = r.random()
        if op < 0.3:
            lines[i] = r.choice(MARKS) + ' ' + lines[i]
        elif op < 0.45:
            lines.insert(i, r.choice(MARKS) + ' ' + r.choice(MARKS))
        elif op < 0.55:
            del lines[i]
        elif op < 0.65:
            lines.insert(i, lines[r.randrange(len(lines))])
        elif op < 0.75:
            lines[i] = lines[i].upper()
        elif op < 0.85:
            lines[i] = lines[i].replace(' ', '  ')
        else:
            a, b = r.choice(OCR)
            lines[i] = lines[i].replace(a, b, 1)
    return '\n'.join(lines)


def run(binary, path):
    try:
        p = subprocess.run([binary, 'import', 'protocol', '--dry-run', '--json', path],
                           capture_output=True, timeout=5)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return 'timeout', b'', b''


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('old')
    ap.add_argument('new')
    ap.add_argument('--variants', type=int, default=3000)
    ap.add_argument('--seed', type=int, default=11)
    a = ap.parse_args()
    r = random.Random(a.seed)
    with tempfile.TemporaryDirectory() as tmp:
        files = list(SEEDS)
        for n in range(a.variants):
            seed = r.choice(SEEDS)
            path = os.path.join(tmp, f'v{n:05d}{os.path.splitext(seed)[1]}')
            with open(seed, encoding='utf-8') as f, open(path, 'w', encoding='utf-8') as out:
                out.write(vary(f.read(), r))
            files.append(path)
        bad = 0
        for path in files:
            old, new = run(a.old, path), run(a.new, path)
            if new[0] == 'timeout' or old != new:
                bad += 1
                print(f'{path}: old exit {old[0]}, new exit {new[0]}', file=sys.stderr)
        print(f'{len(files)} files, {bad} differ or hang')
        sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
