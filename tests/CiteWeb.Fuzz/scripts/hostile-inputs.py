#!/usr/bin/env python3
"""Hostile and broken input through the CLI, as a user meets it: each file is made in a temporary folder, read with
`citeweb parse FILE --format csl-json` (or `check` for manuscripts) under /usr/bin/time, and reported as one row of
the README's table: exit code, the first diagnostic, peak memory (max RSS), wall time, and whether the good entries
around the bad one were kept. The files, 1 GB one included, are deleted afterwards.

    dotnet build src/CiteWeb.Cli -c Release
    python3 tests/CiteWeb.Fuzz/scripts/hostile-inputs.py [--skip-big]
"""
import io, json, os, subprocess, sys, tempfile, zipfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
CLI = os.path.join(ROOT, "src", "CiteWeb.Cli", "bin", "Release", "net10.0", "citeweb")
BEFORE = "@book{before, author = {Benjamin, Ruha}, title = {Race After Technology}, year = {2019}}\n"
AFTER = "\n@book{after, author = {Tsing, Anna}, title = {The Mushroom at the End of the World}, year = {2015}}\n"
LIST = "Works Cited\n\nBenjamin, Ruha. Race After Technology. Polity, 2019.\n\n"
LIST_AFTER = "\n\nTsing, Anna. The Mushroom at the End of the World. Princeton UP, 2015.\n"


def bib(middle):
    return (BEFORE + middle + AFTER).encode()


def docx(document_xml, extra=None):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", document_xml)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return out.getvalue()


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
LAUGHS = '<!DOCTYPE w:document [<!ENTITY a0 "lol">' + "".join(f'<!ENTITY a{i} "{("&a%d;" % (i - 1)) * 10}">' for i in range(1, 13)) + "]>"


def cases(big):
    yield "BibTeX: braces nested 100,000 deep", "deep.bib", bib("@misc{deep, title = {" + "{" * 100_000 + "x" + "}" * 100_000 + "}}")
    yield "BibTeX: one 100 MB field", "big.bib", bib("@misc{big, abstract = {" + "x" * (100 << 20) + "}}")
    yield "BibTeX: invalid UTF-8 (a lone 0xE9)", "latin1.bib", bib("@misc{bad, title = {Caf}}").replace(b"Caf}", b"Caf\xe9}")
    for name, enc, bom in (("UTF-16LE with BOM", "utf-16-le", b"\xff\xfe"), ("UTF-16LE without BOM", "utf-16-le", b""),
                           ("UTF-16BE with BOM", "utf-16-be", b"\xfe\xff"), ("UTF-16BE without BOM", "utf-16-be", b"")):
        yield f"BibTeX: {name}", "utf16.bib", bom + (BEFORE + AFTER).encode(enc)
    yield "BibTeX: NUL bytes", "nul.bib", bib("@misc{nul, title = {A\0\0B}}")
    yield "BibTeX: 100,000 duplicate keys", "dups.bib", bib("".join("@misc{same, title = {T%d}}\n" % i for i in range(100_000)))
    yield "BibTeX: circular crossref and xdata", "cycle.bib", bib("@inbook{a, crossref = {b}}\n@book{b, crossref = {a}}\n@xdata{x1, xdata = {x2}}\n@xdata{x2, xdata = {x1}}\n@book{c, xdata = {x1}}\n")
    yield "BibTeX: macro bomb (@string 64 doublings)", "bomb.bib", ("@string{m0 = {xxxxxxxxxxxxxxxx}}\n" + "".join(f"@string{{m{i} = m{i-1} # m{i-1}}}\n" for i in range(1, 65)) + BEFORE + "@misc{bomb, title = m64}" + AFTER).encode()
    yield "CSL-JSON: arrays nested 100,000 deep", "deep.json", ('[{"id": "before", "type": "book", "title": "Race After Technology"}, ' + "[" * 100_000 + ', {"id": "after", "type": "book", "title": "The Mushroom at the End of the World"}]').encode()
    yield "CSL-JSON: one 100 MB string", "big.json", ('[{"id": "before", "type": "book", "title": "Race After Technology"}, {"id": "big", "type": "book", "abstract": "' + "x" * (100 << 20) + '"}, {"id": "after", "type": "book", "title": "The Mushroom at the End of the World"}]').encode()
    yield "RIS: one 100 MB line", "big.ris", ("TY  - BOOK\nID  - before\nTI  - Race After Technology\nER  - \nTY  - BOOK\nID  - big\nAB  - " + "x" * (100 << 20) + "\nER  - \nTY  - BOOK\nID  - after\nTI  - The Mushroom at the End of the World\nER  - \n").encode()
    yield "RIS: a tag repeated 100,000 times", "rep.ris", ("TY  - BOOK\nID  - before\nTI  - Race After Technology\n" + "KW  - k\n" * 100_000 + "ER  - \nTY  - BOOK\nID  - after\nTI  - The Mushroom at the End of the World\nER  - \n").encode()
    yield "Plain text: one 100 MB line", "big.txt", (LIST + "x" * (100 << 20) + LIST_AFTER).encode()
    yield "Plain text: parentheses nested 100,000 deep", "deep.txt", (LIST + "(" * 100_000 + LIST_AFTER).encode()
    yield "DOCX: billion laughs in document.xml", "laughs.docx", docx(f'<?xml version="1.0"?>{LAUGHS}<w:document {W}><w:body><w:p><w:r><w:t>&a12;</w:t></w:r></w:p></w:body></w:document>')
    yield "DOCX: billion laughs in [Content_Types].xml", "laughs-ct.docx", None
    yield "DOCX: zip bomb (one 1 GB part)", "zipbomb.docx", None
    if big:
        yield "BibTeX: a 1 GB file", "huge.bib", None


def make_zipbomb(path):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            chunk = b" " * (1 << 20)
            for _ in range(1024):
                f.write(chunk)


def make_huge(path):
    entry = b"@misc{k, title = {" + b"y" * 1000 + b"}}\n"
    with open(path, "wb") as f:
        for _ in range((1 << 30) // len(entry) + 1):
            f.write(entry)


def run(args):
    cmd = ["/usr/bin/time", "-f", "%M %e", CLI] + args
    p = subprocess.run(cmd, capture_output=True, timeout=1800)
    err = p.stderr.decode("utf-8", "replace").strip().splitlines()
    rss_kb, seconds = err[-1].split()
    diagnostics = [l for l in err[:-1] if ": error " in l or ": warning " in l or ": info " in l] or err[:-1][:1]
    return p.returncode, p.stdout, diagnostics, int(rss_kb) // 1024, float(seconds)


def main():
    big = "--skip-big" not in sys.argv
    rows = []
    with tempfile.TemporaryDirectory(prefix="citeweb-hostile-") as tmp:
        essay = os.path.join(tmp, "list.txt")
        with open(essay, "w") as f:
            f.write(LIST + LIST_AFTER)
        for title, name, data in cases(big):
            path = os.path.join(tmp, name)
            if name == "zipbomb.docx":
                make_zipbomb(path)
            elif name == "huge.bib":
                make_huge(path)
            elif name == "laughs-ct.docx":
                ct = f'<?xml version="1.0"?><!DOCTYPE Types [<!ENTITY a0 "lol">' + "".join(f'<!ENTITY a{i} "{("&a%d;" % (i - 1)) * 10}">' for i in range(1, 13)) + ']><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">&a12;</Types>'
                out = io.BytesIO()
                with zipfile.ZipFile(out, "w") as z:
                    z.writestr("[Content_Types].xml", ct)
                    z.writestr("word/document.xml", f'<w:document {W}><w:body/></w:document>')
                with open(path, "wb") as f:
                    f.write(out.getvalue())
            else:
                with open(path, "wb") as f:
                    f.write(data)
            size = os.path.getsize(path)
            if name.endswith(".docx"):
                code, out, diags, mb, secs = run(["check", "--works-cited", essay, "--manuscript", path])
                kept = "n/a"
            else:
                code, out, diags, mb, secs = run(["parse", path, "--format", "csl-json"])
                try:
                    ids = {r["id"] for r in json.loads(out)}
                    kept = "yes" if {"before", "after"} <= ids or (name.endswith(".txt") and len(ids) >= 2) else f"NO ({len(ids)} read)"
                except Exception:
                    kept = "no output"
            diag = (diags[0] if diags else "(none)").replace(tmp + "/", "").replace("|", "\\|")
            if len(diag) > 140:
                diag = diag[:137] + "..."
            rows.append(f"| {title} | {size / (1 << 20):,.1f} MB | {code} | `{diag}` | {mb:,} MB | {secs:.1f} s | {kept} |")
            print(rows[-1], flush=True)
            os.remove(path)


if __name__ == "__main__":
    main()
