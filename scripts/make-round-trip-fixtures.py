#!/usr/bin/env python3
"""Regenerates the round-trip fixtures of `shufa check` / `shufa extract` (Tests/ShufaKitTests/Fixtures/returned):
drafts made by shufa from the sample roster, filled in the way a leader does in LibreOffice and in Word,
some with the 述法 heading deleted or demoted, then saved through headless LibreOffice.

- typed*.odt: QC020's blank draft; each placeholder prompt clicked and typed over (LibreOffice replaces the
  field with the text), the point prompts deleted, the instruction prompt and one indicator prompt left.
- word-blank.docx, word-typed*.docx: the same draft saved as .docx (prompts become Word content controls),
  then filled as Word does it (typing into a temporary content control replaces the control with the text).
- prompt-style.fodt/.odt/.docx: the draft with its prompts in the contract's form (character style `Prompt`
  / 提示, text in 【】); the 述职 prompt typed over keeping the prompt style, one 【请…】 prompt with its style
  lost, the 存在问题 prompt left.
- minimum-draft.odt: QC012's draft (执法人员法治培训学时 48 against a minimum of 60), saved by LibreOffice.

Run from the repository root after `swift build`:

    python3 scripts/make-round-trip-fixtures.py
"""
import glob, os, re, shutil, subprocess, sys, tempfile, zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "ShufaKitTests", "Fixtures", "returned")
LAW_HEADING = "二、履行推进法治建设第一责任人职责情况"

DUTY = "本人全年主持镇政府全面工作，完成重点项目12个，新建农村公路18公里，全镇财政收入增长6.5%。"
LAW = ("本人认真履行推进法治建设第一责任人职责，把学习贯彻习近平法治思想列为镇党委会第一议题，全年组织集体学法3次，"
       "带头讲法治课1次。制定年度履行推进法治建设第一责任人职责任务清单，召开法治政府建设专题会议1次、听取汇报2次，"
       "研究解决综合执法改革中的重点问题。严格执行重大行政决策法定程序，聘请法律顾问参与重大事项合法性审查11件，"
       "全面推进政务公开。推动严格规范公正文明执法，督促班子成员依法行政，落实行政机关负责人出庭应诉制度，"
       "尊重并执行法院生效裁判。组织实施“八五”普法规划，落实“谁执法谁普法”责任制，对上一年度法治督察反馈问题全部整改到位。")
PROBLEM = "运用法治思维解决基层矛盾的能力还需提高。"
MEASURE = "每季度组织一次集体学法，邀请法律顾问解读新出台的法律法规。"


def run(command, **kwargs):
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, **kwargs)


def build(work):
    # Exit code 1: the sample roster has bad records on purpose.
    subprocess.run([os.path.join(ROOT, ".build", "debug", "shufa"), "build", "samples/roster.json", "--out", work,
                    "--kinds", "draft", "--no-check"], cwd=ROOT, stdout=subprocess.DEVNULL)
    read = lambda leader: open(glob.glob(os.path.join(work, "draft", leader + "-*.fodt"))[0], encoding="utf-8").read()
    return read("QC020"), read("QC012")


def placeholder(description, text_pattern=".*?"):
    return re.compile(r'<text:placeholder text:placeholder-type="text" text:description="' + description + r'">'
                      + text_pattern + r'</text:placeholder>', re.S)


def typed(draft):
    """The blank draft filled in LibreOffice: prompts typed over, point prompts deleted."""
    xml = placeholder("述职内容").sub(DUTY, draft)
    xml = re.sub(r'<text:p text:style-name="Prompt"><text:placeholder[^>]*text:description="提示">.*?</text:p>\n?',
                 "", xml, flags=re.S)
    points = list(placeholder("述法要点").finditer(xml))
    xml = xml[:points[0].start()] + LAW + xml[points[0].end():]
    xml = re.sub(r'<text:p text:style-name="Body"><text:placeholder[^>]*text:description="述法要点">.*?</text:p>\n?',
                 "", xml, flags=re.S)
    xml = placeholder("存在问题").sub(PROBLEM, xml)
    xml = placeholder("改进措施").sub(MEASURE, xml)
    return placeholder("指标").sub("2", xml, count=1)


def without_law_heading(xml):
    return re.sub(r'<text:h[^>]*>' + LAW_HEADING + r'</text:h>\n?', "", xml)


def demoted(xml):
    return re.sub(r'<text:h[^>]*>' + LAW_HEADING + r'</text:h>',
                  '<text:h text:style-name="Heading2" text:outline-level="2">（二）履行推进法治建设第一责任人职责情况</text:h>', xml)


def prompt_style(draft):
    """The contract's prompts: a `Prompt` character style, text in 【】."""
    style = ('<style:style style:name="PromptText" style:display-name="提示" style:family="text">'
             '<style:text-properties fo:color="#1f4e99" style:font-name-asian="楷体_GB2312"/></style:style>')
    xml = draft.replace("</office:styles>", style + "</office:styles>", 1)
    xml = re.sub(r'<text:placeholder text:placeholder-type="text" text:description="[^"]*">(.*?)</text:placeholder>',
                 r'<text:span text:style-name="PromptText">【\1】</text:span>', xml, flags=re.S)
    # The 述职 prompt selected and typed over: the typed text keeps the prompt style.
    xml = xml.replace('<text:span text:style-name="PromptText">【请概述本年度履行岗位职责、完成重点工作情况】</text:span>',
                      '<text:span text:style-name="PromptText">' + DUTY + '</text:span>')
    # The 述法 prompts: the instruction left with its style lost, the points replaced by the leader's text.
    xml = xml.replace('<text:span text:style-name="PromptText">【请围绕以下要点', '<text:span>【请围绕以下要点')
    point = (r'<text:p text:style-name="Body"><text:span text:style-name="PromptText">【\d+\. .*?】'
             r'</text:span></text:p>\n?')
    points = list(re.finditer(point, xml, re.S))
    xml = xml[:points[0].start()] + '<text:p text:style-name="Body">' + LAW + "</text:p>\n" + xml[points[-1].end():]
    return xml.replace('<text:span text:style-name="PromptText">【请列出改进措施】</text:span>', MEASURE)


def word_fill(docx, out, lose_heading=False):
    """Fills a draft saved as .docx the way Word does: typing into a temporary content control replaces it."""
    with zipfile.ZipFile(docx) as source:
        files = {name: source.read(name) for name in source.namelist()}
    xml = files["word/document.xml"].decode("utf-8")
    paragraphs = re.findall(r"<w:p\b(?:(?!<w:p\b).)*?</w:p>", xml, re.S)

    def sdt(alias):
        return re.compile(r'<w:sdt>(?:(?!</w:sdt>).)*?<w:alias w:val="' + alias + r'"/>.*?</w:sdt>', re.S)

    def run_of(text):
        return "<w:r><w:t>" + text + "</w:t></w:r>"

    replacements = {"述职内容": DUTY, "存在问题": PROBLEM, "改进措施": MEASURE}
    first_point, first_indicator = True, True
    for paragraph in paragraphs:
        new = paragraph
        for alias, text in replacements.items():
            new = sdt(alias).sub(run_of(text), new)
        if sdt("提示").search(new) or (lose_heading and LAW_HEADING in re.sub(r"<[^>]+>", "", new)):
            new = ""
        elif sdt("述法要点").search(new):
            new = sdt("述法要点").sub(run_of(LAW), new) if first_point else ""
            first_point = False
        elif first_indicator and sdt("指标").search(new):
            new = sdt("指标").sub(run_of("2"), new)
            first_indicator = False
        xml = xml.replace(paragraph, new, 1)
    files["word/document.xml"] = xml.encode("utf-8")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in files.items():
            target.writestr(name, data)


def convert(files, target, outdir, profile):
    env = dict(os.environ, FONTCONFIG_FILE=os.path.join(ROOT, "fonts", "fonts.conf"))
    run(["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{profile}", "--convert-to", target,
         "--outdir", outdir] + files, env=env, timeout=600)


def main():
    work = tempfile.mkdtemp()
    try:
        blank, minimum = build(os.path.join(work, "built"))
        sources = os.path.join(work, "fodt")
        os.makedirs(sources)
        filled = typed(blank)
        variants = {"typed": filled, "typed-lost-law": without_law_heading(filled),
                    "typed-demoted-law": demoted(filled), "minimum-draft": minimum,
                    "prompt-style": prompt_style(blank), "word-blank": blank}
        for name, xml in variants.items():
            open(os.path.join(sources, name + ".fodt"), "w", encoding="utf-8").write(xml)
        profile = os.path.join(work, "profile")
        flat = lambda names: [os.path.join(sources, name + ".fodt") for name in names]
        packages = ["typed", "typed-lost-law", "typed-demoted-law", "minimum-draft", "prompt-style"]
        convert(flat(packages), "odt", OUT, profile)
        convert(flat(["word-blank", "prompt-style"]), "docx:MS Word 2007 XML", OUT, profile)
        shutil.copy(os.path.join(sources, "prompt-style.fodt"), os.path.join(OUT, "prompt-style.fodt"))
        word_fill(os.path.join(OUT, "word-blank.docx"), os.path.join(OUT, "word-typed.docx"))
        word_fill(os.path.join(OUT, "word-blank.docx"), os.path.join(OUT, "word-typed-lost-law.docx"),
                  lose_heading=True)
    finally:
        shutil.rmtree(work)
    print("\n".join(sorted(os.listdir(OUT))))


if __name__ == "__main__":
    sys.exit(main())
