#!/usr/bin/env python3
"""Regenerates the fixtures of `shufa check` / `shufa extract` tests (Tests/ShufaKitTests/Fixtures/returned).

A report and a draft made by shufa from the sample roster are edited to break each rule, then opened
and saved by headless LibreOffice (which renames automatic styles and adds its loext: extensions), the
way a leader's returned document looks. Run from the repository root after `swift build`:

    python3 scripts/make-check-fixtures.py
"""
import glob, os, re, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "ShufaKitTests", "Fixtures", "returned")
LAW = "二、履行推进法治建设第一责任人职责情况"


def build(work):
    subprocess.run([os.path.join(ROOT, ".build", "debug", "shufa"), "build", "samples/roster.json", "--out", work,
                    "--kinds", "report,draft", "--no-check"], cwd=ROOT, stdout=subprocess.DEVNULL)  # 1: the sample has bad records
    report = open(glob.glob(os.path.join(work, "report", "QC006-*.fodt"))[0], encoding="utf-8").read()
    draft = open(glob.glob(os.path.join(work, "draft", "QC006-*.fodt"))[0], encoding="utf-8").read()
    blank = open(glob.glob(os.path.join(work, "draft", "QC020-*.fodt"))[0], encoding="utf-8").read()
    return report, draft, blank


def law_block(xml):
    """The 述法 heading and the paragraph after it."""
    match = re.search(r'<text:h[^>]*>' + LAW + r'</text:h>\s*<text:p[^>]*>.*?</text:p>', xml, re.S)
    return match.group(0)


def law_text(xml):
    return re.search(r'<text:h[^>]*>' + LAW + r'</text:h>\s*<text:p[^>]*>(.*?)</text:p>', xml, re.S).group(1)


def variants(report, draft, blank):
    block, text = law_block(report), law_text(report)
    table = ('<table:table table:name="述法"><table:table-column/><table:table-row><table:table-cell office:value-type="string">'
             + block + '</table:table-cell></table:table-row></table:table>')
    plain = re.sub(r'<text:h text:style-name="(\w+)" text:outline-level="\d">(.*?)</text:h>', r'<text:p text:style-name="\1">\2</text:p>', report)
    return {
        "ok": report,
        "draft-filled": draft,
        "draft-blank": blank,
        "missing-law": report.replace(block, ""),
        "nested": report.replace(block, block.replace(
            f'text:outline-level="1">{LAW}', 'text:outline-level="2">（二）履行推进法治建设第一责任人职责情况')
            .replace('text:style-name="Heading1"', 'text:style-name="Heading2"', 1)),
        "split": report.replace("</office:text>", block.replace(LAW, "四、述法情况（续）") + "</office:text>"),
        "table": report.replace(block, table),
        "short": report.replace(text, text[:90]),
        "long": report.replace(text, text * 3),
        "wrong-role": report.replace('meta:name="述法主体类别">政府工作部门主要负责人<', 'meta:name="述法主体类别">党组书记<'),
        "no-role": re.sub(r'<meta:user-defined meta:name="述法主体类别">.*?</meta:user-defined>', '', report),
        "plain": plain,
    }


def main():
    work = tempfile.mkdtemp()
    try:
        sources = os.path.join(work, "fodt")
        os.makedirs(sources)
        for name, xml in variants(*build(os.path.join(work, "built"))).items():
            open(os.path.join(sources, name + ".fodt"), "w", encoding="utf-8").write(xml)
        files = sorted(glob.glob(os.path.join(sources, "*.fodt")))
        profile = "file://" + os.path.join(work, "profile")
        env = dict(os.environ, FONTCONFIG_FILE=os.path.join(ROOT, "fonts", "fonts.conf"))
        for target in ["odt", "docx"]:
            chosen = files if target == "odt" else [f for f in files if f.endswith("/ok.fodt")]
            subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation={profile}", "--convert-to", target,
                            "--outdir", OUT] + chosen, check=True, env=env, stdout=subprocess.DEVNULL)
        shutil.copy(os.path.join(sources, "ok.fodt"), os.path.join(OUT, "generated.fodt"))
    finally:
        shutil.rmtree(work)
    print("\n".join(sorted(os.listdir(OUT))))


if __name__ == "__main__":
    sys.exit(main())
