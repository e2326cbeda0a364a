#!/usr/bin/env bash
# Writes every cleaned export of the benchmark corpus and of the shipped bibliographies with one build of the CLI,
# so two builds can be compared byte for byte:
#   clean-export-snapshot.sh CLI_DIR CORPUS.bib OUT_DIR      (CLI_DIR holds citeweb.dll; CORPUS.bib from `generate 100000`)
#   diff -r OUT_BEFORE OUT_AFTER && echo identical
# Outputs: each format with --clean (and biblatex with --ascii, bibtex with --merge-duplicates), the --dry-run change
# list, stderr (diagnostics) of each, and the exit codes.
set -u
cli="$1/citeweb.dll"; corpus="$2"; out="$3"
repo="$(cd "$(dirname "$0")/../../.." && pwd)"
mkdir -p "$out"
# The corpus is tidy; a dirty copy of its first ~10 MB gives every cleanup work (white space, resolver prefixes,
# page ranges, URLs, capitals), deterministically: every 3rd/5th/7th matching line is changed.
awk 'NR > 140000 { exit }
  /^ *title *=/ && NR % 3 == 0 { sub(/ of /, " of  \t"); sub(/=[ ]*[{"]/, "& ") }
  /^ *title *=/ && NR % 5 == 0 { gsub(/[{}]/, "") ; sub(/=/, "= {"); sub(/,?$/, "},") }
  /^ *doi *=/ && NR % 3 == 0 { sub(/10\./, "https://doi.org/10.") }
  /^ *doi *=/ && NR % 7 == 1 { sub(/10\./, "doi: 10.") }
  /^ *pages *=/ && NR % 2 == 0 { sub(/--/, " - ") }
  /^ *pages *=/ && NR % 5 == 0 { sub(/[{"]/, "&pp. ") }
  /^ *url *=/ && NR % 3 == 0 { sub(/[{"]/, "& <"); sub(/[}"],?$/, ">. &") }
  /^ *url *=/ && NR % 11 == 0 { sub(/https:/, "htps:") }
  { print }' "$corpus" > "$out/dirty.bib"
# BibTeX values are read with their white space collapsed; RIS values are not: the dirty copy as RIS, with doubled
# and trailing spaces and tabs in every third title, container, abstract, note and publisher.
dotnet "$cli" export "$out/dirty.bib" --to ris -o "$out/dirty0.ris" 2>/dev/null
awk '/^(TI|T2|AB|N1|PB)  - / && NR % 3 == 0 { sub(/ of /, " of  \t"); $0 = $0 "  " } { print }' "$out/dirty0.ris" > "$out/dirty.ris"
inputs=("$corpus" "$out/dirty.bib" "$out/dirty.ris" "$repo"/bib/*.bib "$repo"/bib/*.txt)
for input in "${inputs[@]}"; do
  name="$(basename "$input")"
  run() { # label, args...
    local label="$1"; shift
    dotnet "$cli" export "$input" "$@" >"$out/$name.$label.out" 2>"$out/$name.$label.err"
    echo "$?" >"$out/$name.$label.rc"
  }
  for to in bibtex biblatex csl-json ris; do
    run "$to" --to "$to" --clean -o "$out/$name.$to.export"
  done
  run biblatex-ascii --to biblatex --clean --ascii -o "$out/$name.biblatex-ascii.export"
  run merge --to bibtex --clean --merge-duplicates -o "$out/$name.merge.export"
  run dry-run --to bibtex --clean --dry-run
  run merge-dry-run --to csl-json --clean --merge-duplicates --dry-run
done
# The output paths appear in the "written to" lines, and the dirty inputs' paths in CSL-JSON's custom.source;
# make them comparable across OUT_DIRs.
sed -i "s#$out/##g" "$out"/*.err "$out"/dirty.*.csl-json.export
ls "$out" | wc -l
