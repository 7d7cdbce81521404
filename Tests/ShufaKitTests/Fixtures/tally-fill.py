"""Fills shufa's 测评录入表 as a clerk would, with openpyxl (another program than shufa), and prints what it
typed as JSON: {"编号": {"评价主体": [应到, 实到, 发出, 收回, 优秀, 良好, 一般, 较差, 弃权, 废票], "special": 分}}.
Usage: python3 tally-fill.py IN.xlsx OUT.xlsx   (also checks the sheet's protection and validations)."""
import json
import sys

import openpyxl

source, target = sys.argv[1], sys.argv[2]
book = openpyxl.load_workbook(source)
sheet = book["测评录入"]
assert sheet.protection.sheet, "sheet not protected"
kinds = sorted(v.type for v in sheet.data_validations.dataValidation)
assert kinds == ["decimal", "whole"], kinds
header = [cell.value for cell in sheet[2]]
column = {name: index + 1 for index, name in enumerate(header)}
assert sheet.cell(3, column["编号"]).protection.locked, "编号 not locked"
assert not sheet.cell(3, column["优秀"]).protection.locked, "优秀 locked"
typed = {}
for row in range(3, sheet.max_row + 1):
    leader = sheet.cell(row, column["编号"]).value
    if not leader:
        continue
    number = int("".join(ch for ch in leader if ch.isdigit()) or 0)
    subject = sheet.cell(row, column["评价主体"]).value
    excellent = 6 + (number * 7 + len(subject)) % 15
    good = 25 - excellent
    counts = [31, 29, 29, 0, excellent, good, 1, number % 3, 1, 1 - number % 3 if number % 3 < 2 else 0]
    counts[3] = sum(counts[4:])
    for name, value in zip(["应到人数", "实到人数", "发出票数", "收回票数", "优秀", "良好", "一般", "较差", "弃权", "废票"], counts):
        sheet.cell(row, column[name]).value = value
    entry = typed.setdefault(leader, {})
    entry[subject] = counts
    if "special" not in entry:
        entry["special"] = 70 + number % 30
        sheet.cell(row, column["专项工作考核得分"]).value = entry["special"]
book.save(target)
print(json.dumps(typed, ensure_ascii=False, sort_keys=True))
