#!/usr/bin/env python3
"""Breaks down `perf` samples under one frame: its direct callees and the leaf functions, in percent.

Record with symbols for the JIT's code (W^X off, so perf can read the perf map):
  DOTNET_PerfMapEnabled=3 DOTNET_EnableWriteXorExecute=0 perf record -g -F 2000 -o /tmp/p.data \
      ./CiteWeb.Benchmarks stages 100000 scan
then:
  perf-callees.py /tmp/p.data 'BibTexMapper::Map('
"""
import collections
import re
import subprocess
import sys

if len(sys.argv) != 3:
    sys.exit(__doc__)
data, frame = sys.argv[1], sys.argv[2]
script = subprocess.run(['perf', 'script', '-i', data, '-F', 'ip,sym'], capture_output=True, text=True, check=True).stdout


def short(symbol):
    symbol = re.sub(r'\[(OptimizedTier1|OptimizedTier1OSR|QuickJitted|InstrumentedTier|InstrumentedTierOptimized|Optimized|PreJIT)\]', '', symbol)
    match = re.search(r'([\w`.+<>]+::[\w<>`.]+)\(', symbol)
    return match.group(1) if match else symbol.strip()[:80]


leaves, callees = collections.Counter(), collections.Counter()
total = under = 0
for sample in script.split('\n\n'):
    lines = [line.strip() for line in sample.strip().split('\n') if line.strip()]
    if not lines:
        continue
    total += 1
    symbols = [' '.join(line.split()[1:]) for line in lines]  # leaf first
    hits = [i for i, s in enumerate(symbols) if frame in s]
    if not hits:
        continue
    under += 1
    outer = max(hits)
    leaves[short(symbols[0])] += 1
    callees[short(symbols[outer - 1]) if outer > 0 else '<self>'] += 1

print(f'{under} of {total} samples under {frame}')
for title, counter in (('direct callees', callees), ('leaves', leaves)):
    print(f'--- {title}')
    for name, count in counter.most_common(30):
        print(f'{100 * count / max(under, 1):6.1f}% {name}')
