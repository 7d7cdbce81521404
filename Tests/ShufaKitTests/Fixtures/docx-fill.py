#!/usr/bin/env python3
"""Fills a draft .docx made by `shufa build --format docx` the way a leader does, with python-docx
(Debian python3-docx): used by the Word round-trip tests.

    docx-fill.py SOURCE TARGET MODE TEXTS.json

TEXTS.json: {"duty": [...], "law": "...", "problems": [...], "measures": [...], "indicator": "2"}.
MODE:
  word   each prompt is a content control; typing into it removes control and prompt (Word's temporary
         control), leaving the typed text in the paragraph's style. Point prompts and the instruction are
         deleted; a second paragraph of a part is typed after pressing Enter.
  styled the controls are gone (a program that does not keep them) and the leader selected each prompt and
         typed over it: the typed text keeps the 提示 style of the prompt.
  leave  as word, but the 存在问题 prompt is left as it is (a leader who forgot it).
"""
import json
import sys

import docx
from docx.oxml.ns import qn


def prompt_text(paragraph):
    """The text of the paragraph's prompt controls (or of its 提示 runs), '' when it has none."""
    controls = paragraph._p.findall(qn("w:sdt"))
    if controls:
        return "".join(t.text or "" for c in controls for t in c.iter(qn("w:t")))
    return "".join(r.text for r in paragraph.runs if r.style is not None and r.style.name == "提示")


def remove(paragraph):
    paragraph._p.getparent().remove(paragraph._p)


def type_over(paragraph, texts, keep_style):
    """Replaces the paragraph's prompt by `texts`: the first typed in place, each next one after Enter."""
    for text in texts[:-1]:
        paragraph.insert_paragraph_before(style=paragraph.style).add_run(text, style="提示" if keep_style else None)
    last = texts[-1]
    if keep_style:
        runs = [r for r in paragraph.runs if r.style is not None and r.style.name == "提示"]
        runs[0].text = last
        for run in runs[1:]:
            run._r.getparent().remove(run._r)
    else:
        for control in paragraph._p.findall(qn("w:sdt")):
            paragraph._p.remove(control)
        paragraph.add_run(last)


def unwrap_controls(document):
    """What a program that drops content controls saves: their runs, without the control."""
    body = document.element.body
    for control in list(body.iter(qn("w:sdt"))):
        content = control.find(qn("w:sdtContent"))
        for child in list(content):
            control.addprevious(child)
        control.getparent().remove(control)


def fill(source, target, mode, texts):
    document = docx.Document(source)
    keep_style = mode == "styled"
    if keep_style:
        unwrap_controls(document)
    paragraphs = list(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs += cell.paragraphs
    indicator_done = False
    for paragraph in paragraphs:
        prompt = prompt_text(paragraph)
        if not prompt:
            continue
        if prompt.startswith("【请概述"):
            type_over(paragraph, texts["duty"], keep_style)
        elif prompt.startswith("【请围绕"):
            type_over(paragraph, [texts["law"]], keep_style)
        elif prompt.startswith("【请列出存在的问题"):
            if mode != "leave":
                type_over(paragraph, texts["problems"], keep_style)
        elif prompt.startswith("【请列出改进措施"):
            type_over(paragraph, texts["measures"], keep_style)
        elif prompt.startswith("【请填写") and not indicator_done:
            type_over(paragraph, [texts["indicator"]], keep_style)
            indicator_done = True
        elif prompt.startswith("【请填写"):
            continue
        else:
            remove(paragraph)
    document.save(target)


if __name__ == "__main__":
    source, target, mode, texts = sys.argv[1:5]
    with open(texts, encoding="utf-8") as handle:
        fill(source, target, mode, json.load(handle))
